try:
    {'a': 1}['b']
except KeyError as e:
    print(type(e).__name__, e, repr(e), e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print(e)
try:
    {}[3]
except KeyError as e:
    print(e)
print(str(KeyError('with quotes')))
