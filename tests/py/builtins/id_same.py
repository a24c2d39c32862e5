a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(a), id(a) == id(b), id(a) == id(c))
print(a is b, a is c, a == c)
