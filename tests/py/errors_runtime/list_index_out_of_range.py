a = [1, 2, 3]
try:
    a[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    (1, 2)[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    'abc'[10]
except IndexError as e:
    print(type(e).__name__, e)
