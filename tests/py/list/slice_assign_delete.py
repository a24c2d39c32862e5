a = list(range(6))
a[1:3] = ['a', 'b', 'c']
print(a)
a[::2] = [0, 0, 0, 0]
print(a)
a[2:2] = [99]
print(a)
del a[::3]
print(a)
del a[1:3]
print(a)
a[:] = []
print(a)
try:
    b = [1, 2, 3]
    b[::2] = [1]
except ValueError as e:
    print("ValueError", e)
