print(float(2 ** 80))
print(2 ** 80 / 2 ** 78)
print(10 ** 20 / 10)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
