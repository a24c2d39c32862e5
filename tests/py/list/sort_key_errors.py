a = [3, 'a', 1]
try:
    a.sort()
except TypeError:
    print("TypeError")
try:
    sorted([1, None])
except TypeError:
    print("TypeError")
print(sorted([1, True, 0.5, False]))
