a = {1, 2}
b = {1, 2, 3}
print(a.issubset(b), b.issubset(a), a.issubset([1, 2]))
print(b.issuperset(a), a.issuperset(b), b.issuperset(range(1, 3)))
print(a <= b, a < b, b < b, b <= b, b > a, b >= b, a > b)
print(a.isdisjoint({3, 4}), a.isdisjoint([2]))
print(set() <= a, set() < set())
