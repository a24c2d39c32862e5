m = memoryview(bytearray(b'abc'))
def set_at(k, v):
    m[k] = v
tests = [
    lambda: set_at(0, 'a'),
    lambda: set_at(0, 300),
    lambda: set_at(slice(0, 2), b'x'),
    lambda: set_at(5, 1),
    lambda: set_at(slice(0, 2), 5),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
m[::2] = b'XZ'
print(m.tolist(), m.hex(), m.tobytes())
