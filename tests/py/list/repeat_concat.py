print([1, 2] * 3, 3 * [0], [1] * 0, [1] * -2)
print([1, 2] + [3], [] + [])
a = [[0]] * 3
a[0].append(1)
print(a)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError", e)
