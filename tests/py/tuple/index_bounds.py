t = (1, 2, 1, 2, 1)
print(t.index(1, 1), t.index(1, -2), t.index(2, 0, 2), t.count(1), t.count(3))
for args in [(3,), (2, 4), (1, 1, 2)]:
    try:
        t.index(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    t.index()
except TypeError as e:
    print("TypeError", e)
print(((1, 2), [3]).count([3]), (1, 1.0, True).count(1))
