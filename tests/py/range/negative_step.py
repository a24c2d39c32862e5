print(list(range(10, 0, -1)))
print(list(range(10, 0, -3)))
print(list(range(0, 10, -1)))
print(len(range(10, -10, -4)), range(10, -10, -4)[-1])
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError", e)
