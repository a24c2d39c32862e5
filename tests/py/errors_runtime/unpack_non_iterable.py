try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in 3:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(None)
except TypeError as e:
    print(type(e).__name__, e)
