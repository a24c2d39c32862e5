tests = [
    lambda: enumerate(),
    lambda: enumerate(1),
    lambda: list(enumerate('ab', 'x')),
    lambda: list(enumerate('ab', start=2**70)),
    lambda: list(enumerate(iterable='ab', start=True)),
    lambda: list(enumerate(x for x in 'ab')),
    lambda: map(1),
    lambda: list(map(None, [1])),
    lambda: map(len, 5),
    lambda: list(map(divmod, [7, 8], [2, 3])),
    lambda: filter(None),
    lambda: filter(None, 5),
    lambda: list(filter(lambda x: x > 1, (x for x in range(4)))),
    lambda: reversed(),
    lambda: reversed(1),
    lambda: reversed({1}),
    lambda: list(reversed(b'abc')),
    lambda: list(reversed(bytearray(b'ab'))),
    lambda: list(reversed('h\xe9llo')),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
class R:
    def __reversed__(self):
        return iter([3, 2, 1])
class Only:
    def __getitem__(self, i):
        return i
print(list(reversed(R())))
try:
    reversed(Only())
except TypeError as e:
    print("TypeError", e)
