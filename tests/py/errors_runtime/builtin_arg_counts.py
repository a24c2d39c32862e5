# Builtins and builtin types called with too few or too many arguments:
# CPython's wording for each (learners search for these messages).
for f in (isinstance, hasattr, divmod, getattr, setattr, delattr, issubclass,
          len, abs, pow, range, round, chr, ord, min, max, sum, iter, next,
          sorted, repr, hash, id, callable, format, float, set, frozenset,
          list, tuple, dict, bool, str, bytes, int, input):
    for args in ((), (1,), (1, 2, 3, 4)):
        try:
            f(*args)
        except TypeError as e:
            print(f.__name__, len(args), "|", e)
        except Exception as e:
            print(f.__name__, len(args), "|", type(e).__name__)


class L(list):
    pass


try:
    L(1, 2)
except TypeError as e:
    print("L |", e)
