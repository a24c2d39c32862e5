s = set(range(100))
print(sum(s), len(s), min(s), max(s))
s2 = {x * x for x in range(-5, 6)}
print(sorted(s2))
total = 0
for v in {10, 20, 30}:
    total += v
print(total)
