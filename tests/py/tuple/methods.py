t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(9))
print(t.index(2), t.index(2, 2), t.index(1, 1))
try:
    t.index(7)
except ValueError as e:
    print("ValueError", e)
