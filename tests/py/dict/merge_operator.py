a = {'a': 1, 'b': 2}
b = {'b': 3, 'c': 4}
print(a | b)
print(b | a)
c = a.copy()
c |= b
print(c)
c |= [('d', 5)]
print(c)
print(a)
