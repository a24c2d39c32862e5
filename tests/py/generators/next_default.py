g = (x for x in [1])
print(next(g, 'd'), next(g, 'd'), next(g, None))
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
