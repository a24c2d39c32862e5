try:
    ''.join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    ', '.join(['a', None])
except TypeError as e:
    print(type(e).__name__, e)
