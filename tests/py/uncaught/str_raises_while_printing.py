# The traceback of an uncaught exception calls __str__ and __repr__,
# which raise and catch exceptions of their own, or fail outright: the
# traceback still prints (to stderr, not compared) and the exit status
# is non-zero.


class Noisy(Exception):
    def __str__(self):
        try:
            {}["inner"]
        except KeyError:
            pass
        return "noisy str"


class BadRepr:
    def __repr__(self):
        try:
            [].pop()
        except IndexError:
            pass
        raise RuntimeError("repr fails")


print("start")
try:
    raise Noisy()
except Noisy:
    raise KeyError(BadRepr())
