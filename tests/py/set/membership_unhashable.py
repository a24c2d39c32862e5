s = {1, 2}
print(1 in s, 3 in s, 3 not in s)
try:
    [1] in s
except TypeError as e:
    print("TypeError", e)
try:
    s.add([1])
except TypeError as e:
    print("TypeError", e)
