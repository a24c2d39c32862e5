# Which operand's method runs, in CPython's order: a reflected method of a
# subclass that overrides it goes first; a builtin's own number slots (and
# str %) run before the other operand's reflected method; sequence concat
# and repeat only after it.
class A:
    def __add__(s, o): return "A.add"
    def __radd__(s, o): return "A.radd"
    def __lt__(s, o): return "A.lt"
    def __gt__(s, o): return "A.gt"
class B(A):
    def __radd__(s, o): return "B.radd"
    def __gt__(s, o): return "B.gt"
class C(A):
    pass
class R:
    def __str__(s): return "R!"
    def __radd__(s, o): return "R.radd"
    def __rmul__(s, o): return "R.rmul"
    def __rmod__(s, o): return "R.rmod"
    def __ror__(s, o): return "R.ror"
    def __rsub__(s, o): return "R.rsub"
class MyInt(int):
    def __radd__(s, o): return "MyInt.radd"
class PlainInt(int):
    pass
class MyStr(str):
    def __rmod__(s, o): return "MyStr.rmod"
class Q:
    def __str__(s): return "Q!"
    def __repr__(s): return "Q()"

print(A() + B(), B() + A(), A() + C(), C() + A())
print(A() < B(), B() < A(), A() > C())
print(1 + R(), [1] + R(), "s" + R(), (1,) + R(), b"b" + R())
print([1] * R(), "ab" * R(), 3 * R(), 2.5 * R())
print("%s" % R(), {1} | R(), 5 - R(), 5 % R())
print(1 + MyInt(2), MyInt(2) + 1, 1 + PlainInt(2), PlainInt(2) + PlainInt(3))
print("x%s" % MyStr("y"), "%s" % Q(), "[%s]" % [Q()], b"%s" % b"q")
for f in (lambda: [1] + Q(), lambda: "s" + Q(), lambda: Q() + 1, lambda: 1 + Q(),
          lambda: [1] * Q(), lambda: "%d" % Q(), lambda: "%s %s" % Q()):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
