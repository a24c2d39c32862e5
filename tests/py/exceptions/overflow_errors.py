try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__)
try:
    float(2 ** 2000)
except OverflowError as e:
    print(type(e).__name__, e)
