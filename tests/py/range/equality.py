print(range(5) == range(5), range(0) == range(5, 2), range(0, 3, 2) == range(0, 4, 2))
print(range(1, 2) == range(1, 3, 5), range(3) == [0, 1, 2])
print(range(5) != range(6))
