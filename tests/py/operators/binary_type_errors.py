cases = [
    lambda: 1 + 'a',
    lambda: 'a' - 'b',
    lambda: [1] + (2,),
    lambda: {} + {},
    lambda: 2 ** 'x',
    lambda: 'a' * 'b',
    lambda: 1.5 % 'x',
    lambda: None + None,
    lambda: [1] - [1],
    lambda: 3 // 'a',
    lambda: 1 & 1.0,
    lambda: 'x' << 1,
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
