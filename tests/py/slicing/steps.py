a = list(range(10))
print(a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[::-3], a[2::-1], a[:2:-1])
try:
    a[::0]
except ValueError as e:
    print(type(e).__name__, e)
