s = slice(1, 4)
a = list(range(10))
print(a[s], 'abcdef'[s], (1, 2, 3, 4, 5)[s])
a[s] = ['x']
print(a)
print(a[slice(None, None, 3)])
print(slice(5), slice(1, 2), slice(1, 2, 3))
