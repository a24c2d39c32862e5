# Special methods of int, bool and float: bound, unbound, reflected, and
# NotImplemented for operand types the type does not handle itself.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
             "lshift", "rshift", "and", "or", "xor", "divmod"]:
    f = getattr(int, "__" + name + "__")
    r = getattr(int, "__r" + name + "__")
    print(name, f(7, 3), r(7, 3), f(7, 2.5), f(7, "a"), f(True, 3))

for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "divmod"]:
    f = getattr(float, "__" + name + "__")
    r = getattr(float, "__r" + name + "__")
    print(name, f(7.0, 2), r(7.0, 2), f(7.5, 0.5), f(1.0, "a"))

print(hasattr(float, "__lshift__"), hasattr(float, "__and__"), hasattr(1.5, "__index__"))
print(hasattr(int, "__iadd__"), hasattr(int, "__len__"), hasattr(True, "__and__"))

# bool's own &, |, ^ keep bools; the rest is int's.
print(True.__and__(False), True.__or__(False), True.__xor__(True), True.__and__(3))
print(True.__rand__(1), True.__add__(True), True.__neg__(), True.__invert__())
t(lambda: bool.__and__(1, 1))

# Unary and conversions.
for v in [5, -7, True, 10**20, -(10**20)]:
    print(v.__neg__(), v.__pos__(), v.__abs__(), v.__invert__(), v.__bool__(),
          v.__int__(), v.__index__(), v.__float__(), v.__trunc__(), v.__floor__(),
          v.__ceil__(), v.__round__(), v.__round__(-1))
for v in [2.5, -2.5, 0.0, 1e300]:
    print(v.__neg__(), v.__pos__(), v.__abs__(), v.__bool__(), v.__float__(),
          v.__round__(1))
for v in [2.5, -2.5, 7.0]:
    print(v.__int__(), v.__trunc__(), v.__floor__(), v.__ceil__(), v.__round__())
t(lambda: (10**400).__float__())
t(lambda: float("inf").__int__())
t(lambda: float("nan").__floor__())

# Comparisons: int compares only with ints, float with ints and floats.
print(int.__eq__(1, 1), int.__eq__(1, 1.0), int.__lt__(1, 2), int.__lt__(1, 2.0))
print(float.__eq__(1.0, 1), float.__lt__(1.0, 2), float.__ge__(1.0, "x"))
print((3).__ne__(4), (3).__le__(3), (3).__gt__(3), (3).__ge__(True))
print((10**30).__eq__(10**30), (10**30).__lt__(10**31))

# Hash, repr, str, format.
print((5).__hash__() == hash(5), (2.5).__hash__() == hash(2.5), True.__hash__())
print((5).__repr__(), (2.5).__repr__(), True.__repr__(), (5).__str__(), False.__str__())
print((5).__format__("04d"), (2.5).__format__(".3f"), (255).__format__("x"), True.__format__(""))
t(lambda: (1).__format__(1))

# pow with a modulus, division by zero, big results.
print((2).__pow__(10, 1000), int.__pow__(3, 4, 5), (2).__pow__(-1), (2).__rpow__(3))
t(lambda: (1).__truediv__(0))
t(lambda: (1.0).__mod__(0))
print((2).__pow__(100), (10**20).__mul__(10**20), (7).__divmod__(-2), (-7.5).__divmod__(2))

# Unbound methods as key functions.
print(sorted([3, -1, 2], key=int.__neg__), list(map(int.__abs__, [-1, 2])))
print(list(map(float.__int__, [1.5, -2.7])), list(map(int.__mul__, [1, 2], [3, 4])))
