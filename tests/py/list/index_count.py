a = [1, 2, 3, 2, 1, 2]
print(a.index(2), a.index(2, 2), a.index(2, 4), a.index(1, 1, 5))
print(a.count(2), a.count(1), a.count(9))
print([[1], [1], 1].count([1]))
print([1, 1.0, True].count(1))
try:
    a.index(3, 3)
except ValueError as e:
    print("ValueError", e)
