a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a += (4, 5)
print(a)
a += 'xy'
print(a)
a *= 2
print(a, a is b)
c = [1]
c *= 0
print(c)
