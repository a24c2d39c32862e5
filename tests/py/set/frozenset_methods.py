s = {1, 2, 3}
fs = frozenset([2, 3, 4])
print(sorted(s.union(fs)), type(s.union(fs)).__name__, type(fs.union(s)).__name__)
print(sorted(fs.intersection(s, [3, 4])), type(fs.intersection()).__name__, fs.copy() is fs)
print(sorted(s.difference()), s.difference() is s, s.copy() is s)
print(sorted(s ^ fs), sorted(fs ^ s), type(fs ^ s).__name__, type(s - fs).__name__)
print(sorted(fs.symmetric_difference([9])), fs.isdisjoint([7]), fs.issubset(range(10)))
print(s <= fs, s < {1, 2, 3, 4}, fs >= {2}, fs > fs, s == {3, 2, 1}, fs == {2, 3, 4}, s != fs)
g = frozenset([1])
h = g
g |= {2}
print(sorted(g), g is h, type(g).__name__, sorted(h))
for bad in [lambda: s < [1], lambda: s <= 3, lambda: s.union(1), lambda: s.symmetric_difference()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    fs.add(1)
except AttributeError as e:
    print("AttributeError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
