t = tuple(range(5))
print(3 in t, 7 in t, 7 not in t)
print([x * 2 for x in t])
print(sum(t), max(t), min(t), sorted(t, reverse=True))
