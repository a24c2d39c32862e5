d = {'a': 1}
tests = [
    lambda: d.get(),
    lambda: d.get('a', 1, 2),
    lambda: d.pop(),
    lambda: d.pop('zz'),
    lambda: d.setdefault(),
    lambda: d.update(1),
    lambda: d.update([1]),
    lambda: d.update([(1, 2, 3)]),
    lambda: d.update({}, {}),
    lambda: dict.fromkeys(),
    lambda: {}.popitem(),
    lambda: d.keys(1),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
class D(dict):
    pass
x = D.fromkeys('ab', 0)
print(type(x).__name__, x, {}.fromkeys([1], 2))
e = {}
e |= [('c', 3)]
e |= {'d': 4}
print(e, e.copy() == e, e.copy() is e)
try:
    e | [('x', 1)]
except TypeError as err:
    print("TypeError", err)
