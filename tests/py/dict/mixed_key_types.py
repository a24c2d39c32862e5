d = {1: 'int', 'a': 'str', (1, 2): 'tuple', None: 'none', 2.5: 'float', b'b': 'bytes', frozenset([1]): 'fs'}
print(d[1], d['a'], d[(1, 2)], d[None], d[2.5], d[b'b'], d[frozenset([1])])
print(len(d))
print(list(d.values()))
