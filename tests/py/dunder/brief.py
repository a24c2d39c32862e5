# Special methods of builtin types: the cases from classic OOP tutorials.
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)

d = D()
d["a"] = 1
d["b"] = "x"
print(d, d["a"], len(d))


class L(list):
    def __getitem__(self, i):
        return super().__getitem__(i) * 10

    def __len__(self):
        return super().__len__() + 1


l = L([1, 2, 3])
print(l[0], l[2], len(l), list(l))


class I(int):
    def __add__(self, o):
        return I(int.__add__(self, o) + 1)


x = I(5) + 3
print(x, type(x).__name__, I(1) + I(1))

print([1].__len__(), (1).__add__(2), dict.__getitem__({1: 2}, 1), list.__contains__([1], 1))
print(sorted([3, 1, 2], key=int.__neg__))
print(list(map(str.__len__, ["ab", "", "xyz"])))
print("ab".__getitem__(1))
print(list([3, 4].__iter__()))


class S(str):
    def __eq__(s, o):
        return super().__eq__(o.lower())

    __hash__ = str.__hash__


print(S("a") == "A", S("a") == "B", S("a").__eq__("A"))
print(hash(S("abc")) == hash("abc"))

print(hasattr([], "__len__"), hasattr(1, "__len__"), hasattr(1, "__add__"))
print(hasattr(int, "__add__"), hasattr(str, "__add__"), hasattr(str, "__sub__"))
