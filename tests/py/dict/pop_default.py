d = {'a': 1, 'b': 2}
print(d.pop('a'), d)
print(d.pop('zz', 'dflt'), d)
print(d.pop('zz', None))
try:
    d.pop('zz')
except KeyError as e:
    print("KeyError", e)
