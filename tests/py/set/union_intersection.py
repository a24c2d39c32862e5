a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a.union(b)), sorted(a.union([9], (10,))))
print(sorted(a & b), sorted(a.intersection(b)), sorted(a.intersection(range(2, 10), [4])))
print(sorted(a - b), sorted(a.difference(b)), sorted(a.difference([1], [2])))
print(sorted(a ^ b), sorted(a.symmetric_difference(b)))
print(sorted(a), sorted(b))
