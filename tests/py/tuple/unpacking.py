a, b = (1, 2)
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
for x, y in [(1, 2), (3, 4)]:
    print(x + y)
