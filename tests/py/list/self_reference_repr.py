a = [1, 2]
a.append(a)
print(a)
b = []
b.append(b)
print(b)
print([b])
