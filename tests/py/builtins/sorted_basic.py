print(sorted([3, 1, 2]))
print(sorted([3, 1, 2], reverse=True))
print(sorted('banana'))
print(sorted({3: 'a', 1: 'b'}))
print(sorted((2.5, -1, 0)))
a = [2, 1]
b = sorted(a)
print(a, b)
