a = 256
b = 256
print(a == b)
x = [None, None]
print(x[0] is x[1])
print(() == (), [] == [])
