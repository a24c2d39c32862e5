# Corners of formatting code that was reshaped for size.

def err(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# str.format errors built from pieces
err(lambda: "{!x}".format(1))
err(lambda: "{0} {3}".format(1, 2))
err(lambda: "{}".format())
err(lambda: "{12}".format(1))

# Unknown format codes of str, printable or not
err(lambda: format("a", "d"))
err(lambda: format("a", "\x01"))
err(lambda: format("a", "é"))
err(lambda: "{:é}".format("a"))

# % with int/float/bytes operands through user special methods
class I:
    def __index__(self):
        return 7

class J:
    def __int__(self):
        return 9

class F:
    def __float__(self):
        return 2.5

class NF:
    def __float__(self):
        return "x"

class B:
    def __bytes__(self):
        return b"bee"

class NB:
    def __bytes__(self):
        return "no"

print("%d %x %o %i" % (I(), I(), I(), I()))
print("%d %u" % (J(), J()))
err(lambda: "%d" % "s")
err(lambda: "%x" % 1.5)
err(lambda: "%c" % 1.5)
print("%f %e %g" % (F(), F(), F()))
err(lambda: "%f" % "s")
print(b"%s %b" % (B(), B()))
err(lambda: b"%b" % 3)

# Unsupported conversion characters, ASCII and not
err(lambda: "%y" % 1)
err(lambda: "ab%é" % 1)
err(lambda: "ab%€x" % 1)
err(lambda: "ab%😀" % 1)
err(lambda: "%5é" % 1)

# 'c' of ints around the C long range, and float types of big ints
for v in [65, 0x10FFFF, 0x110000, -1, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64, 10**30]:
    err(lambda: format(v, "c"))
for v in [10**20, -(10**20), 2**1023, 2**1024, -(2**1024), 10**400]:
    err(lambda: format(v, ".3e"))
    err(lambda: format(v, "g"))
print(format(123456789012345678901234567890, ",.2f"), format(True, "%"), format(7, ".1%"))

# % of floats as ints
for x in [2.7, -2.7, -0.5, 1e19, -1e19, 1e300, float("nan"), float("inf"), -float("inf")]:
    err(lambda: "%d|%i|%u|%5d" % (x, x, x, x))

# Exception reprs: no, one and several arguments
class E(Exception): pass
print(repr(ValueError()), repr(ValueError(1)), repr(ValueError("a", 2)), repr(KeyError((1,))))
print(repr(E()), repr(E(())), repr(E([])), repr(StopIteration(5)), repr(E(E("x"))))
