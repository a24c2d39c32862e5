try:
    [1, 2].index(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ['a'].index('b')
except ValueError as e:
    print(type(e).__name__, e)
