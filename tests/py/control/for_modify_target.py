for i in range(3):
    print(i)
    i = 100
print(i)
lst = [1, 2, 3]
for x in lst:
    x *= 10
print(lst)
