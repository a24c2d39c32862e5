print(2.0 ** 10, 4 ** 0.5, 2 ** -2, (-8.0) ** 2)
print(0.0 ** 0, 10.0 ** -1)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
