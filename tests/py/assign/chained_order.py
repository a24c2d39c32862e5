lst = [0, 0, 0]
i = 0
i = lst[i] = 2
print(i, lst)
