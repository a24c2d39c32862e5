# Slot methods: wrong self types, argument counts, names, missing ones.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: int.__add__("a", 1))
t(lambda: int.__add__())
t(lambda: int.__neg__("a"))
t(lambda: list.__len__((1, 2)))
t(lambda: dict.__getitem__([1], 0))
t(lambda: str.__eq__(1, 1))
t(lambda: float.__float__(1))
t(lambda: bool.__or__(0, 1))
t(lambda: set.__ior__(frozenset(), {1}))
t(lambda: (1).__add__())
t(lambda: (1).__add__(1, 2))
t(lambda: (1).__neg__(1))
t(lambda: (1).__add__(x=1))
t(lambda: [].__setitem__(1))
t(lambda: object.__getattribute__(1, 5))
t(lambda: object.__format__(object(), "x"))
t(lambda: (1).__len__)
t(lambda: int.__len__)
t(lambda: "a".__iadd__)
t(lambda: [].__bool__)
t(lambda: "a".__reversed__)
t(lambda: (1.5).__index__)
t(lambda: frozenset().__ior__)
t(lambda: (1).__rlen__)
t(lambda: (1).__radd__(2.5))
t(lambda: [].__rmul__(2))
t(lambda: (1).__foo__)

# Names and bound/unbound behaviour.
print(int.__add__.__name__, int.__add__.__qualname__, (1).__radd__.__name__)
print([].__len__.__qualname__, True.__add__.__qualname__, True.__and__.__qualname__)
print(dict.__setitem__.__name__, "x".__getitem__.__self__, callable(int.__add__))
f = [1, 2].__len__
g = list.__len__
print(f(), g([1, 2, 3]), list(map([10, 20, 30].__getitem__, [2, 0])))
print(str(int.__add__), repr(list.__len__))
print(object.__lt__(1, 2), object.__ge__(object(), 1), object.__format__(7, ""))
print(object.__getattribute__(1, "real"), object.__getattribute__(2.5, "imag"))


class P:
    x = 1

    def __getattr__(self, n):
        return object.__getattribute__(self, "x") + 1


print(P().y, P().__lt__(1), P.__format__(P(), "")[:10])


# A user class defining the name wins; instance attributes are found first.
class Q(list):
    def __len__(self):
        return 42


q = Q([1])
print(len(q), q.__len__(), Q.__len__(q), list.__len__(q))
print(hasattr(Q, "__getitem__"), hasattr(Q(), "__hash__"), Q.__hash__)
t(lambda: list.__getitem__())
t(lambda: dict.__contains__(1, 1))
print(repr(dict.__getitem__), repr(int.__round__), repr(str.__add__), repr(object.__format__))
