r = range(10)
print(len(r), r[0], r[-1], r[5])
r2 = range(3, 20, 4)
print(len(r2), list(r2), r2[1], r2[-2])
print(len(range(0)), len(range(5, 0)), len(range(0, 10, 3)))
try:
    r2[10]
except IndexError as e:
    print("IndexError", e)
