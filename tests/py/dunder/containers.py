# Special methods of str, bytes, bytearray, list, tuple, dict, set,
# frozenset and range.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# Sequences: concatenation raises for other types, repetition takes ints.
print("ab".__add__("c"), "ab".__mul__(2), "ab".__rmul__(2), "%s!".__mod__(1), "x".__rmod__("<%s>"))
print("%s".__rmod__(5), "ab".__len__(), "ab".__getitem__(-1), "ab".__getitem__(slice(None, None, -1)))
print("ab".__contains__("b"), list("ab".__iter__()), "ab".__eq__("ab"), "ab".__lt__("b"), "a".__eq__(1))
print("ab".__hash__() == hash("ab"), "ab".__repr__(), "ab".__str__(), "ab".__format__(">4"))
t(lambda: "a".__add__(1))
t(lambda: "a".__mul__("b"))
t(lambda: "ab".__contains__(1))
t(lambda: "ab".__getitem__(5))
print(b"ab".__add__(b"c"), b"ab".__add__(bytearray(b"c")), b"ab".__mul__(2), b"%d".__mod__(5))
print(b"ab".__getitem__(0), b"ab".__contains__(98), b"ab".__len__(), b"ab".__str__(), b"a".__eq__(b"a"))
print(b"a".__eq__(bytearray(b"a")), bytearray(b"a").__eq__(b"a"), b"a".__lt__(b"b"))
t(lambda: b"a".__add__(1))
ba = bytearray(b"ab")
same = ba
print(ba.__iadd__(b"cd") is ba, ba.__imul__(2) is ba, same)
ba.__setitem__(0, 65)
ba.__delitem__(1)
print(same, ba.__hash__, ba.__len__(), ba.__add__(b"!"))

lst = [3, 1, 2]
same = lst
print(lst.__add__([4]), lst.__mul__(2), lst.__rmul__(0), lst.__len__(), lst.__getitem__(0))
print(lst.__iadd__((5, 6)) is same, lst.__imul__(1) is same, lst)
lst.__setitem__(0, "z")
lst.__delitem__(-1)
lst.__setitem__(slice(0, 2), ["a", "b", "c"])
print(same, lst.__contains__("c"), lst.__contains__(99), list(lst.__reversed__()))
print([1, 2].__eq__([1, 2]), [1, 2].__lt__([1, 3]), [1].__eq__((1,)), [1].__ge__([1]))
print(list.__hash__, [].__hash__, hasattr([], "__hash__"))
t(lambda: [1].__add__((1,)))
t(lambda: [1].__getitem__(5))
t(lambda: [1].__setitem__(5, 0))
t(lambda: [].__mul__(1.5))

tp = (1, 2)
print(tp.__add__((3,)), tp.__mul__(2), tp.__len__(), tp.__getitem__(1), tp.__contains__(2))
print(tp.__hash__() == hash(tp), tp.__eq__((1, 2)), tp.__lt__((1, 3)), tp.__eq__([1, 2]))
t(lambda: tp.__add__([1]))
print(hasattr(tp, "__setitem__"), hasattr(tp, "__iadd__"), hasattr("", "__setitem__"))

d = {"a": 1}
print(d.__getitem__("a"), d.__len__(), d.__contains__("a"), d.__contains__("b"))
d.__setitem__("b", 2)
d.__delitem__("a")
print(d, list(d.__iter__()), list(d.__reversed__()), d.__eq__({"b": 2}), d.__lt__({}))
print(d.__or__({"c": 3}), d.__or__([("c", 3)]), d.__ror__({"c": 3}), d.__ior__([("e", 5)]) is d, d)
print(dict.__hash__, hasattr(d, "__add__"), d.__repr__())
t(lambda: d.__getitem__("zz"))
t(lambda: d.__delitem__("zz"))

s = {1, 2}
print(s.__or__({3}), s.__and__({2, 3}), s.__sub__({1}), s.__xor__({2, 5}), s.__rsub__({1, 2, 3}))
print(s.__or__([3]), s.__len__(), s.__contains__(1), sorted(s.__iter__()), s.__eq__({1, 2}))
print(s.__ior__({9}) is s, s.__iand__({1, 9}) is s, s.__isub__({1}) is s, s.__ixor__({4}) is s, sorted(s))
print(s.__lt__({4, 9, 10}), s.__le__(s), s.__eq__(frozenset(s)), set.__hash__)
fs = frozenset([1, 2])
print(sorted(fs.__or__({3})), type(fs.__or__({3})).__name__, fs.__hash__() == hash(fs))
print(hasattr(fs, "__ior__"), hasattr(fs, "__or__"), fs.__eq__({1, 2}), fs.__sub__([1]))

r = range(0, 10, 2)
print(r.__len__(), r.__getitem__(1), r.__getitem__(slice(1, 3)), r.__contains__(4), r.__contains__(5))
print(list(r.__iter__()), list(r.__reversed__()), r.__bool__(), range(0).__bool__())
print(r.__eq__(range(0, 9, 2)), r.__lt__(r), r.__hash__() == hash(r), r.__repr__())

# Dict views and others.
k = {1: 2, 3: 4}.keys()
print(k.__len__(), k.__contains__(3), list(k.__iter__()), list(k.__reversed__()))
print(None.__bool__(), None.__repr__(), len.__call__([1, 2]), (lambda x: x * 2).__call__(x=4))
