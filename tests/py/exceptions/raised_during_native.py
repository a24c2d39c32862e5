# Python code called by a native (comparisons, keys, __exit__, repr)
# raises and catches its own exceptions, or raises a new one, while the
# native handles another: the right exception must come out.


def noise():
    try:
        {}["missing"]
    except KeyError:
        pass


class Eq:
    def __init__(self, n):
        self.n = n

    def __eq__(self, o):
        noise()
        if self.n == 2:
            raise ValueError("eq %d" % self.n)
        return False

    def __hash__(self):
        noise()
        if self.n == 3:
            raise TypeError("hash %d" % self.n)
        return self.n


for what, f in [
    ("index", lambda: [Eq(1), Eq(2), Eq(3)].index(0)),
    ("count", lambda: [Eq(1), Eq(2)].count(0)),
    ("in", lambda: 0 in [Eq(1), Eq(2)]),
    ("remove", lambda: [Eq(1), Eq(2)].remove(0)),
    ("tuple.index", lambda: (Eq(1), Eq(2)).index(0)),
    ("dict", lambda: {Eq(1): 1, Eq(3): 2}),
    ("set", lambda: {Eq(3)}),
    ("list.index missing", lambda: [Eq(1), Eq(4)].index(0)),
]:
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)


def key(x):
    noise()
    if x == 3:
        raise TypeError("key %d" % x)
    return x


for what, f in [
    ("sorted", lambda: sorted([5, 3, 1], key=key)),
    ("sort", lambda: [5, 3, 1].sort(key=key)),
    ("min", lambda: min([5, 3, 1], key=key)),
    ("max", lambda: max([5, 3, 1], key=key)),
    ("map", lambda: list(map(key, [1, 2, 3, 4]))),
    ("filter", lambda: list(filter(key, [1, 3]))),
    ("sorted ok", lambda: sorted([5, 4, 1], key=key)),
]:
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)


class Lt:
    def __init__(self, n):
        self.n = n

    def __lt__(self, o):
        noise()
        if self.n == 0 or o.n == 0:
            raise ArithmeticError("lt")
        return self.n < o.n


try:
    sorted([Lt(2), Lt(1), Lt(0), Lt(3)])
except ArithmeticError as e:
    print("sorted lt", e)


class Rep:
    def __repr__(self):
        noise()
        raise RuntimeError("repr fails")


try:
    print(repr([1, Rep(), 2]))
except RuntimeError as e:
    print("repr", e)
try:
    print("%s %r" % (1, Rep()))
except RuntimeError as e:
    print("format", e)
