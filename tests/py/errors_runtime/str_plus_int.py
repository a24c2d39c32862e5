try:
    'a' + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a' + None
except TypeError as e:
    print(type(e).__name__, e)
