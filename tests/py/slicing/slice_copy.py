a = [[1], 2]
b = a[:]
b.append(3)
b[0].append('shared')
print(a, b, a is b, a[0] is b[0])
