tests = [
    lambda: max(),
    lambda: max([]),
    lambda: min([], default=5),
    lambda: max(1, 2, default=3),
    lambda: max(1, key=abs),
    lambda: min((x for x in [3, 1, 2])),
    lambda: max([1, 'a']),
    lambda: max([3, 1, 3.0], key=lambda v: v),
    lambda: min([1, 1.0]),
    lambda: max([], key=len, default='d'),
    lambda: min(1, 2, foo=3),
    lambda: max('ab', 'b', key=None),
    lambda: max([[1, 2], [1, 3], [1]]),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
class V:
    def __init__(self, n):
        self.n = n
    def __gt__(self, o):
        return self.n > o.n
    def __lt__(self, o):
        return self.n < o.n
print(max(V(1), V(3), V(2)).n, min([V(5), V(4)]).n)
