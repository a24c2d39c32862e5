try:
    'abc'.append('d')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1, 2).append(3)
except AttributeError as e:
    print(type(e).__name__, e)
