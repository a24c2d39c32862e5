sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2))
print((lambda: 'noargs')())
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3))
print(sorted([3, -1, 2], key=lambda v: -v))
print(sq.__name__)
