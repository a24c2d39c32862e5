# super() reaching a builtin base's special methods from subclasses.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class LowerDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)

    def __getitem__(self, k):
        return super().__getitem__(k.lower())

    def __contains__(self, k):
        return super().__contains__(k.lower())

    def __delitem__(self, k):
        super().__delitem__(k.lower())


d = LowerDict()
d["Key"] = 1
d["OTHER"] = 2
print(d["KEY"], "key" in d, "KeY" in d, "nope" in d, len(d), sorted(d))
del d["Other"]
print(d, dict.__len__(d), d.__len__())
t(lambda: d["missing"])


class Counter(dict):
    def __missing__(self, k):
        return 0

    def __getitem__(self, k):
        return super().__getitem__(k) + 100


c = Counter(a=1)
print(c["a"], c["b"])


class Stack(list):
    def __getitem__(self, i):
        return super().__getitem__(-1 - i)

    def __setitem__(self, i, v):
        super().__setitem__(-1 - i, v)

    def __len__(self):
        return super().__len__() * 10

    def __iter__(self):
        return super().__iter__()

    def __add__(self, o):
        return Stack(super().__add__(o))

    def __iadd__(self, o):
        return super().__iadd__(o)

    def __eq__(self, o):
        return super().__eq__(o)

    def __repr__(self):
        return "Stack" + super().__repr__()


s = Stack([1, 2, 3])
s[0] = 30
print(s[0], s[2], len(s), list(s), s == [1, 2, 30], s)
s += [4]
print(s, type(s).__name__, s + [5], type(s + [5]).__name__)
print(list.__getitem__(s, 0), list.__len__(s), Stack.__len__(s), [].__len__())


class Money(int):
    def __add__(self, o):
        r = super().__add__(o)
        return r if r is NotImplemented else Money(r)

    __radd__ = __add__

    def __neg__(self):
        return Money(super().__neg__())

    def __repr__(self):
        return "$" + super().__repr__()

    def __eq__(self, o):
        return super().__eq__(o)

    def __hash__(self):
        return super().__hash__()

    def __lt__(self, o):
        return super().__lt__(o)

    def __bool__(self):
        return super().__bool__()

    def __format__(self, spec):
        return "$" + super().__format__(spec)

    def __index__(self):
        return super().__index__()


m = Money(5)
print(m + 2, 2 + m, m + m, -m, m == 5, m < 6, hash(m) == hash(5), bool(Money(0)))
print(m + 1.5, 1.5 + m, f"{m:>4}", [10, 20, 30, 40, 50, 60][m], sorted([Money(3), Money(1)]))


class Name(str):
    def __eq__(self, o):
        return super().__eq__(o.lower())

    def __hash__(self):
        return super().__hash__()

    def __add__(self, o):
        return Name(super().__add__(o))

    def __getitem__(self, i):
        return Name(super().__getitem__(i))

    def __len__(self):
        return super().__len__() + 1000

    def __contains__(self, x):
        return super().__contains__(x.lower())

    def __str__(self):
        return "<" + super().__str__() + ">"

    def __mul__(self, n):
        return super().__mul__(n)


n = Name("bob")
print(n == "BOB", n == "Bob", n == "alice", {n: 1}["bob"])
print(n + "by", type(n + "by").__name__, n[0], type(n[1:]).__name__, len(n), "O" in n)
print(str(n), n * 2, str.__len__(n), str.__eq__(n, "bob"), str.__str__(n))


class S(str):
    def __eq__(s, o):
        return super().__eq__(o.lower())


print(S("a") == "A", S("a") == "a", S("a") == "b", S("a").__eq__("A"))


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def __add__(self, o):
        return Pair(self[0] + o[0], self[1] + o[1])

    def __getitem__(self, i):
        return super().__getitem__(i)

    def __hash__(self):
        return super().__hash__()


p = Pair(1, 2) + Pair(10, 20)
print(p, p[0], type(p).__name__, hash(p) == hash((11, 22)), tuple.__add__(p, (3,)))


class Tags(set):
    def __or__(self, o):
        return Tags(super().__or__(o))

    def __contains__(self, x):
        return super().__contains__(x.lower())

    def __ior__(self, o):
        return super().__ior__(o)


tg = Tags({"a"})
tg |= {"b"}
print(sorted(tg | {"c"}), type(tg | {"c"}).__name__, "A" in tg, type(tg).__name__)


class F(float):
    def __truediv__(self, o):
        r = super().__truediv__(o)
        return r if r is NotImplemented else F(r)

    def __round__(self, n=None):
        return super().__round__(n)

    def __floor__(self):
        return super().__floor__()


print(F(7) / 2, type(F(7) / 2).__name__, round(F(2.567), 2), F(2.5).__floor__())


# Methods of the builtin base through the subclass and the class.
print(LowerDict.__len__(d), Money.__sub__(m, 1), Name.__upper__ if hasattr(Name, "__upper__") else "-")
print(type(Money.__sub__(m, 1)).__name__, Stack.__contains__(s, 30), Stack.__mul__(s, 2))


# super() in a class whose base is user-defined, reaching the builtin.
class Base(list):
    pass


class Child(Base):
    def __len__(self):
        return super().__len__() + 1


print(len(Child([1, 2])), Child.__len__(Child()), Base.__len__(Child([1])))
