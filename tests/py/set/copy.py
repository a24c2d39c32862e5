a = {1, 2}
b = a.copy()
b.add(3)
print(sorted(a), sorted(b))
f = frozenset([1])
print(sorted(f.copy()))
