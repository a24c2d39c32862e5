# == and != on subclasses of builtin types: a Python __eq__ decides ==, but
# without its own __ne__ a subclass inherits the builtin's != (str.__ne__),
# as in CPython; a subclass without __eq__ compares as its builtin value.
class S(str):
    def __eq__(self, o):
        return str.__eq__(self.lower(), o.lower()) if isinstance(o, str) else NotImplemented
    __hash__ = None


print(S("a") == "A", S("a") != "A", "A" != S("a"), S("a") != "a", S("a") != "b")


class I(int):
    def __eq__(self, o):
        return True


print(I(1) == 2, I(1) != 2, 2 != I(1), I(1) != 1)


class L(list):
    pass


print(L([1]) != [1], L([1]) != [2], [1] != L([1]))


class N(int):
    def __ne__(self, o):
        return "custom"


print(N(1) != 1, 1 != N(1))


class P:
    def __eq__(self, o):
        return True


print(P() != 1, 1 != P())


class Q(str):
    pass


print(Q("x") != "x", Q("x") != Q("y"), Q("x") != 5)


# containers compare with the same rules
print(I(5) in [1, 2], [1, 2].index(I(9)), {1: "one"}.get(I(1)) if False else "-")
print(L([1, 2]) == [1, 2], (1, 2) == Q("x"), Q("x") in ["x"], Q("x") in {"x": 1})


class F(float):
    pass


print(F(1.5) == 1.5, F(1.5) != 1.5, F(2.0) == 2, [F(1.0)] == [1])
