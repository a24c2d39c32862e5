d = {'x': 0}
print(len(d), bool(d), bool({}), 'x' in d, 0 in d, 'x' not in d)
