a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print([*'hi', *range(2)])
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abc'
print(init, last)
