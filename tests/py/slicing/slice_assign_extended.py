a = list(range(6))
a[::2] = ['x', 'y', 'z']
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
a[::-2] = [7, 8, 9]
print(a)
