d = {}
print(d.setdefault('a', []))
d.setdefault('a', []).append(1)
d.setdefault('a', []).append(2)
print(d)
print(d.setdefault('b'), d)
print(d.setdefault('a', 'ignored'))
