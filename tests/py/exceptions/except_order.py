try:
    raise KeyError('x')
except LookupError:
    print('LookupError first wins')
except KeyError:
    print('never')
