# Text built from big objects (repr, join, int -> str) must end in a clean
# MemoryError when it cannot fit the heap, never exhaust the allocator.
def attempt(name, f):
    try:
        r = f()
        print(name, "ok", len(r))
    except MemoryError:
        print(name, "MemoryError")


x = ["ab" * 100] * 800
attempt("repr", lambda: repr(x))
attempt("str", lambda: str(x))
attempt("join", lambda: "-".join(["ab" * 500] * 200))
x = None
attempt("format", lambda: "%s" % (["abc" * 50] * 1000,))
attempt("fstring", lambda: f"{['abc' * 50] * 1000}")


def big_decimal():
    y = 7 ** 40000
    return str(y * y * y)


attempt("int->str", big_decimal)
print("done")
