a = [1, 2, 3, 2, 4]
a.remove(2)
print(a)
print(a.pop(), a)
print(a.pop(0), a)
print(a.pop(-2), a)
try:
    a.remove(99)
except ValueError as e:
    print("ValueError", e)
