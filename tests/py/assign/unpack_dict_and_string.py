a, b = {'x': 1, 'y': 2}
print(a, b)
p, q, r = 'abc'
print(r, q, p)
x, y = range(2)
print(x, y)
