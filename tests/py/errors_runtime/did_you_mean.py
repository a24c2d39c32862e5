# NameError.name, AttributeError.name and .obj (CPython 3.10+): set when the
# interpreter raises the error, None otherwise; str(e) is the plain message
# (the traceback's "Did you mean" is tested in cli/tests/cli.rs).
import math


class Point:
    def __init__(self):
        self.value = 2


def show(f):
    try:
        f()
    except AttributeError as e:
        print(type(e).__name__, "|", e, "|", e.name, "|", type(e.obj).__name__)
    except NameError as e:
        print(type(e).__name__, "|", e, "|", e.name)


def local_typo():
    countr = 1
    return count  # noqa


show(lambda: prnt(1))  # noqa
show(local_typo)
show(lambda: [].apend(1))
show(lambda: math.sqroot(2))
show(lambda: Point().valeu)
show(lambda: Point.mov)
show(lambda: None.foo)
p = Point()
try:
    p.nothing
except AttributeError as e:
    print(e.obj is p, e.name)


def raise_own():
    raise NameError("made by hand")


def raise_attr():
    raise AttributeError("no name here")


show(raise_own)
show(raise_attr)
print(NameError("x").name, AttributeError("y").name, AttributeError("y").obj)
e = NameError("z")
e.name = "zz"
print(e.name, NameError.name if False else "-")
