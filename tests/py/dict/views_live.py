d = {'a': 1, 'b': 2}
k = d.keys()
v = d.values()
it = d.items()
d['c'] = 3
print(list(k), list(v), list(it))
print(len(k), 'a' in k, 'z' in k, 2 in v, ('a', 1) in it, ('a', 2) in it)
del d['a']
print(list(k))
