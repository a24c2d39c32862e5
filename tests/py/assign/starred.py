a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = range(4)
print(a, b)
a, *b, c = 'hello'
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
*a, = (5, 6)
print(a)
