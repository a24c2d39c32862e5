d = {'a': 1}
try:
    d['b']
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    d[5]
except KeyError as e:
    print("KeyError", e)
try:
    d[(1, 2)]
except KeyError as e:
    print("KeyError", e)
try:
    del d['q']
except KeyError as e:
    print("KeyError", e)
