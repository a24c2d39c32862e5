for c in 'ab':
    print(c)
for k in {'x': 1, 'y': 2}:
    print(k)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for i, ch in enumerate('hi'):
    print(i, ch)
for x, y in zip([1, 2, 3], 'ab'):
    print(x, y)
