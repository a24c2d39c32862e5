a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d) = [3, 4]
[e, f] = 'xy'
print(c, d, e, f)
g, = [7]
print(g)
