d = {'a': 1, 'b': 2, 'c': 3}
print(d.popitem(), d)
print(d.popitem(), d)
d['x'] = 9
print(d.popitem(), d)
print(d.popitem(), d)
try:
    d.popitem()
except KeyError as e:
    print("KeyError", e)
