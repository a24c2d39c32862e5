try:
    {[1, 2]: 'v'}
except TypeError as e:
    print(type(e).__name__, e)
try:
    d = {}
    d[{}] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    {{1}}
except TypeError as e:
    print(type(e).__name__, e)
