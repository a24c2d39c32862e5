# A sequence times an object with __index__ repeats it, on either side, and
# `*=` keeps the list's identity; without __index__ it is a TypeError.
class K:
    def __index__(self): return 3
class N:
    pass
for f in (lambda: [1] * K(), lambda: K() * [1], lambda: "ab" * K(), lambda: (1,) * K(),
          lambda: b"x" * K(), lambda: bytearray(b"y") * K(), lambda: [1] * N(), lambda: N() * "s"):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
l = [0]
m = l
l *= K()
print(l, l is m)
