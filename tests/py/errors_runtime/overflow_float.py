try:
    float(10**400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    10**400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float('inf'))
except OverflowError as e:
    print(type(e).__name__, e)
