t = (1, 2)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    'abc'[0] = 'x'
except TypeError as e:
    print(type(e).__name__, e)
