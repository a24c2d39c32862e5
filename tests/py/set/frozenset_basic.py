f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f, 9 in f)
g = f | {10}
print(type(g).__name__, sorted(g))
h = {5} | f
print(type(h).__name__, sorted(h))
print(type(f & {1}).__name__, sorted(f - {1}))
d = {f: 'frozen'}
print(d[frozenset([1, 2, 3])])
try:
    f.add(4)
except AttributeError:
    print("AttributeError")
