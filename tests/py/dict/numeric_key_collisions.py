d = {}
d[1] = 'int'
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d))
d2 = {True: 'a', 1: 'b', 1.0: 'c'}
print(d2)
d3 = {0: 'zero', False: 'f', 0.0: 'z'}
print(d3)
print(d[1.0], d[True])
print({2: 'x', 2.0: 'y'}, {2.5: 'q'})
