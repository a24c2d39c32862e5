print([x * 2 for x in range(5)])
print([x for x in range(10) if x % 3 == 0])
print([(x, y) for x in range(3) for y in 'ab' if x != 1])
print([[j for j in range(i)] for i in range(4)])
