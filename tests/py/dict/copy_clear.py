d = {'a': [1]}
c = d.copy()
c['b'] = 2
c['a'].append(2)
print(d, c)
d.clear()
print(d, len(d))
