lst = [1, 2, 3, 4]
lst[0], lst[3] = lst[3], lst[0]
print(lst)
i = 0
lst2 = [10, 20]
i, lst2[i] = 1, 99
print(i, lst2)
