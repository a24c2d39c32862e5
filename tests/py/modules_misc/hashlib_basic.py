import hashlib

big = bytes(i % 251 for i in range(1000))
for name in ("sha256", "sha1", "md5"):
    ctor = getattr(hashlib, name)
    print(name, ctor().hexdigest())
    print(name, ctor(b"abc").hexdigest())
    print(name, ctor(b"abc").digest())
    print(name, ctor(big).hexdigest())
    # Lengths around the padding boundaries.
    for n in (55, 56, 63, 64, 65, 119, 120):
        print(name, n, ctor(b"x" * n).hexdigest())
    h = ctor()
    h.update(b"a")
    h.update(b"")
    h.update(bytearray(b"bc"))
    h.update(memoryview(b"def"))
    print(name, h.hexdigest())
    # digest() does not finalise: more updates keep going.
    h.update(big)
    print(name, h.hexdigest(), h.hexdigest() == ctor(b"abcdef" + big).hexdigest())
    c = h.copy()
    c.update(b"!")
    print(name, h.hexdigest() != c.hexdigest())
    print(name, h.digest_size, len(h.digest()), h.name)
    try:
        ctor("abc")
    except TypeError as e:
        print("TypeError", e)
    try:
        ctor().update("abc")
    except TypeError as e:
        print("TypeError", e)
