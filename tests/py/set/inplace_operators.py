a = {1, 2, 3}
b = a
a |= {4}
print(sorted(a), a is b)
a &= {1, 2, 4, 8}
print(sorted(a))
a -= {1}
print(sorted(a))
a ^= {4, 5}
print(sorted(a), a is b)
