d = {}
d['z'] = 1
d['a'] = 2
d['m'] = 3
print(d, list(d))
d['z'] = 10
print(d)
del d['a']
d['a'] = 5
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
