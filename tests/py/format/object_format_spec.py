# object.__format__: a type without its own formatting rejects any non-empty
# spec with TypeError (before parsing it); str subclasses format as str.
class C: pass
class S(str): pass
class I(int): pass
for v, spec in [(None, "d"), (None, "10"), (None, "zz"), (None, ""), ([], "s"), ([1], ""), (C(), "x"), (S("ab"), ">5"), (S("ab"), "d"), ("ab", "d"), ("ab", "zz"), (I(5), "x"), (True, "d"), (2.5, "s"), (b"x", "5"), (b"x", "")]:
    try: print(repr(format(v, spec)))
    except Exception as e: print(type(e).__name__, e)
    try: print(repr(f"{v:{spec}}"))
    except Exception as e: print(type(e).__name__, e)
