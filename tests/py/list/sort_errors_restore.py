# A failing key or comparison stops the sort; the list keeps all its items.
def bad_key(x):
    if x == 3:
        raise ValueError("bad key")
    return x
a = [5, 3, 1]
try:
    a.sort(key=bad_key)
except ValueError as e:
    print("ValueError", e)
print(a)
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        if self.v == 7:
            raise RuntimeError("cmp fail")
        return self.v < o.v
b = [K(3), K(7), K(1), K(5)]
try:
    b.sort()
except RuntimeError as e:
    print("RuntimeError", e)
print(sorted(k.v for k in b))
g = [1, 2, 3]
def grow(x):
    g.append(x)
    return x
try:
    g.sort(key=grow)
except ValueError as e:
    print("ValueError", e)
print(g)
try:
    [1, 2].sort(1)
except TypeError as e:
    print("TypeError", e)
try:
    [].sort(cmp=None)
except TypeError as e:
    print("TypeError", e)
