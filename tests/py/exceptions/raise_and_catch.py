try:
    raise ValueError('bad value')
except ValueError as e:
    print(type(e).__name__, e, e.args)
try:
    raise KeyError
except KeyError as e:
    print(type(e).__name__, repr(e), e.args)
