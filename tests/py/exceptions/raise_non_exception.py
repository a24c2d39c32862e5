# What `raise`, `raise ... from` and `gen.throw` do with values that are not
# exception instances: a TypeError, never the bad value itself.
class E(Exception):
    def __new__(cls):
        return 5


def attempt(f):
    try:
        f()
    except TypeError as e:
        print("TypeError", "BaseException" in str(e))
    except Exception as e:
        print("other", type(e).__name__)


def raise_int():
    raise 5


def raise_class_returning_int():
    raise E


def raise_from_int():
    raise ValueError("x") from 5


def raise_plain_object():
    raise object()


def gen():
    yield 1


def throw(x):
    g = gen()
    next(g)
    g.throw(x)


attempt(raise_int)
attempt(raise_class_returning_int)
attempt(raise_from_int)
attempt(raise_plain_object)
attempt(lambda: throw(5))
attempt(lambda: throw(E))
attempt(lambda: throw(ValueError))
attempt(lambda: throw(ValueError("y")))


# A bare `raise` after the handler finished, and re-raises keep the instance.
def reraise():
    try:
        raise KeyError("k")
    except KeyError:
        raise


try:
    reraise()
except KeyError as e:
    print("KeyError", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)


# A constructor returning a heap object that is not an exception (the
# object must survive while the error message is built).
class L(Exception):
    def __new__(cls):
        return [1, 2, 3]


def raise_class_returning_list():
    raise L


attempt(raise_class_returning_list)
try:
    raise L
except TypeError as e:
    print(str(e).endswith("not list") or str(e).endswith("<class 'list'>"))
