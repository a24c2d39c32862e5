s = {1, 2}
s.add(3)
s.add(2)
print(sorted(s), len(s))
s.remove(1)
print(sorted(s))
s.discard(99)
s.discard(2)
print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
