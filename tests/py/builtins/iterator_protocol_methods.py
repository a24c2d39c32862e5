# Builtin iterators have __next__ and __iter__, like generators.
it = iter([1, 2])
print(it.__next__(), it.__iter__() is it, hasattr(it, "__next__"), next(it))
try:
    it.__next__()
except StopIteration:
    print("stop")
z = zip("ab", [1, 2])
print(z.__next__(), list(z))
m = map(str, [1, 2, 3])
print(m.__next__(), [x for x in m])
e = enumerate("xy")
print(e.__next__(), e.__next__(), next(e, "end"))
r = iter(range(3))
print(r.__next__() + r.__next__(), list(r))
d = iter({"k": 1})
print(d.__next__())
it = iter(lambda: 1, 1)
try:
    it.__next__()
except StopIteration:
    print("stop")
