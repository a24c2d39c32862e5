n = 5
nothing = None
try:
    n[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    nothing['k']
except TypeError as e:
    print(type(e).__name__, e)
try:
    n[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
