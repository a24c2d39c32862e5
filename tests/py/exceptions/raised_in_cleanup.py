# __exit__, finally blocks and generator cleanup that raise and catch
# exceptions of their own while another exception is on its way out.


def noise(tag):
    try:
        raise OSError(tag)
    except OSError as e:
        print("  caught", e)


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        noise("in __exit__")
        return False


class Loud:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        raise RuntimeError("from __exit__")


class Swallow:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        noise("swallow")
        return True


try:
    with Quiet():
        raise ValueError("body")
except ValueError as e:
    print("quiet:", e, e.__context__)

try:
    with Loud():
        raise ValueError("body")
except RuntimeError as e:
    print("loud:", e, repr(e.__context__))

with Swallow():
    raise ValueError("swallowed")
print("after swallow")


def gen_quiet():
    try:
        yield 1
        yield 2
    finally:
        noise("gen finally")


g = gen_quiet()
next(g)
g.close()
print("closed quiet")


def gen_loud():
    try:
        yield 1
    finally:
        raise KeyError("from finally")


g = gen_loud()
next(g)
try:
    g.close()
except KeyError as e:
    print("close raised", e, e.__context__ is not None)


def gen_convert():
    try:
        yield 1
    except ValueError:
        noise("gen except")
        raise TypeError("converted")


g = gen_convert()
next(g)
try:
    g.throw(ValueError("thrown"))
except TypeError as e:
    print("throw:", e, repr(e.__context__))


def inner():
    try:
        yield 1
    finally:
        noise("inner finally")


def outer():
    yield from inner()


g = outer()
next(g)
try:
    g.throw(IndexError("into yield from"))
except IndexError as e:
    print("yield from throw:", e)


def fin():
    try:
        raise ValueError("pending")
    finally:
        noise("finally")


try:
    fin()
except ValueError as e:
    print("finally kept:", e)


for x in [1]:
    try:
        try:
            raise ValueError("outer")
        finally:
            with Quiet():
                pass
    except ValueError as e:
        print("nested:", e)


def it():
    try:
        yield 1
        raise LookupError("from generator")
    finally:
        noise("it finally")


try:
    list(it())
except LookupError as e:
    print("list(gen):", e)
try:
    sorted(it())
except LookupError as e:
    print("sorted(gen):", e)
try:
    a, b = it()
except LookupError as e:
    print("unpack(gen):", e)
