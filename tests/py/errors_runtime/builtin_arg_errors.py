try:
    len()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len([], [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    abs('x')
except TypeError as e:
    print(type(e).__name__, e)
