a = list(range(5))
print(a[True:], a[1:True + 2])
try:
    a['1':]
except TypeError as e:
    print(type(e).__name__)
try:
    a[1.0]
except TypeError as e:
    print(type(e).__name__, e)
