a, b, c = 1, 2, 3
del a, b
print(c)
lst = [1, 2, 3, 4]
del lst[0], lst[0]
print(lst)
