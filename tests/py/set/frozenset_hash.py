a = frozenset([1, 2])
b = frozenset([2, 1])
print(hash(a) == hash(b), a == b)
s = {a, b}
print(len(s))
print(frozenset() == frozenset([]))
