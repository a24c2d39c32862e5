s = {x % 4 for x in range(20)}
print(sorted(s), len(s))
print(sorted({c for c in 'mississippi'}))
print(type({x for x in ()}).__name__)
