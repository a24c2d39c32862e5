# float(): str and bytes-like text, then __float__ (which must return a float),
# then __index__; anything else is a TypeError naming the type.
class K:
    def __index__(self): return 7
class B:
    def __float__(self): return 1
class G:
    def __float__(self): return 2.5
for v in (K(), B(), G(), b"1.5", bytearray(b" 2e3 "), b"x", "  -inf ", 10**400, object()):
    try: print(repr(float(v)))
    except Exception as e: print(type(e).__name__, e)
