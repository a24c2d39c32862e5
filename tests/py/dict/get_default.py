d = {'a': 1, 'b': None}
print(d.get('a'), d.get('b'), d.get('c'), d.get('c', 0), d.get('b', 5))
print(d.get(1, []))
