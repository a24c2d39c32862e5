# hashlib objects are incremental: any split of the input gives the
# one-shot digest; digest() is repeatable and update() continues after it.
import hashlib

data = bytes((i * 7 + 3) % 256 for i in range(3000))
for name in ("sha256", "sha1", "md5"):
    ctor = getattr(hashlib, name)
    whole = ctor(data).hexdigest()
    ok = True
    for step in (1, 3, 55, 63, 64, 65, 127, 128, 1000):
        h = ctor()
        for i in range(0, len(data), step):
            h.update(data[i:i + step])
        ok = ok and h.hexdigest() == whole
    print(name, whole, ok)
    h = ctor(b"x" * 60)
    d1 = h.digest()
    print(name, d1 == h.digest(), h.hexdigest() == d1.hex())
    h.update(b"y" * 10)
    print(name, h.hexdigest() == ctor(b"x" * 60 + b"y" * 10).hexdigest())
    # Copies taken mid-block continue independently.
    a = ctor(b"a" * 100)
    b = a.copy()
    a.update(b"1")
    b.update(b"2")
    print(name, a.hexdigest() == ctor(b"a" * 100 + b"1").hexdigest(),
          b.hexdigest() == ctor(b"a" * 100 + b"2").hexdigest())
    big = ctor()
    chunk = bytes(range(256)) * 16
    for _ in range(64):
        big.update(chunk)
    print(name, big.hexdigest())
