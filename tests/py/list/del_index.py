a = [1, 2, 3, 4]
del a[0]
print(a)
del a[-1]
print(a)
a[0] = 'x'
a[-1] = 'y'
print(a)
