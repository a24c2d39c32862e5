print(list(reversed(range(5))))
print(list(reversed(range(1, 10, 3))))
print(range(5), range(1, 5), range(1, 10, 2), range(0, -5, -1))
print(repr(range(0)))
