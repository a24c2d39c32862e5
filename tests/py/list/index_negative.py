a = ['a', 'b', 'c']
print(a[-1], a[-3], a[0])
print(a[len(a) - 1])
try:
    a[-4]
except IndexError as e:
    print("IndexError", e)
try:
    a[3] = 1
except IndexError as e:
    print("IndexError", e)
