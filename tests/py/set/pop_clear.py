s = {7}
print(s.pop(), len(s))
try:
    s.pop()
except KeyError as e:
    print("KeyError", e)
s = {1, 2, 3}
got = sorted([s.pop(), s.pop(), s.pop()])
print(got, len(s))
s = {1, 2}
s.clear()
print(len(s), s)
