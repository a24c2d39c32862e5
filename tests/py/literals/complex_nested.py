d = {'a': [1, {'b': (2, 3)}], 'c': {'d': None}}
print(d)
print(d['a'][1]['b'][1])
print([1, [2, [3, [4]]]])
print(((1,),))
