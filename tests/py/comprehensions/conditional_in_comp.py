print(['even' if i % 2 == 0 else 'odd' for i in range(4)])
print({i: ('neg' if i < 0 else 'pos') for i in (-1, 1)})
print([i for i in range(10) if i > 2 and i < 6])
