# `str % obj` with a user object as the single operand: str's own formatting
# runs first (an unrelated class's __rmod__ is not consulted), and the
# conversions use the object's dunders as CPython does.
class P:
    def __str__(self): return "P!"
    def __repr__(self): return "P()"
class J:
    def __int__(self): return 5
    def __repr__(self): return "J()"
class K:
    def __index__(self): return 7
    def __repr__(self): return "K()"
class F:
    def __float__(self): return 2.5
    def __repr__(self): return "F()"
class R:
    def __rmod__(self, other): return "R.__rmod__"
    def __str__(self): return "R!"
class SR(str):
    def __rmod__(self, other): return "SR.__rmod__"

print("%s" % P(), "%r" % P(), "%a" % P(), "<%s>" % [P()])
print("%s" % R(), "x%sy" % SR("z"))
print("%s|%s" % (P(), R()))
for spec in "dixXoeEfgc":
    for v in (J(), K(), F(), None):
        try:
            print(spec, repr(("%" + spec) % v))
        except Exception as e:
            print(spec, type(e).__name__, e)
try:
    print("%s %s" % P())
except TypeError as e:
    print("TypeError", e)
print(b"%s" % b"x", 7 % K() if hasattr(K, "__rmod__") else "no rmod")
