d = {'a': 1, 'b': 1}
print(list(d.values()), len(d.values()))
print(sorted(d.items()))
