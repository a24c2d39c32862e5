d = {'a': {'b': [1, {'c': (2,)}]}, 'q': 'it\'s'}
print(d)
print(repr({1: None, 'k': True}))
e = {}
e['self'] = e
print(e)
