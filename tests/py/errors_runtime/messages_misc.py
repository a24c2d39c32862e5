# CPython's wording for a few errors learners meet.
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: print(1, sep=5))
show(lambda: print(1, end=[]))
show(lambda: object.__new__(5))
show(lambda: __import__("no_such_module_here"))


def imp():
    import no_such_module_either  # noqa


show(imp)
print(1, 2, sep=None, end=None)
# internal names stay out of dir()
for t in (int, str, list, dict, ValueError):
    print(t.__name__, [n for n in dir(t) if "ctor" in n])
# data attributes are listed too (the "Did you mean" candidates)
for v, names in [(5, "real imag numerator denominator"), (True, "real imag"),
                 (2.5, "real imag"), (range(3), "start stop step"),
                 (slice(1), "start stop step"), (KeyError(), "args")]:
    print(type(v).__name__, all(n in dir(v) for n in names.split()))
