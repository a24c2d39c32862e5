tests = [
    lambda: sum(),
    lambda: sum([1], 2, 3),
    lambda: sum(['a'], ''),
    lambda: sum([b'a'], b''),
    lambda: sum([1, 2], 0.5),
    lambda: sum([10**20, 10**20]),
    lambda: sum([2**62, 2**62, -2**62]),
    lambda: sum([1, 'a']),
    lambda: sum([[1], [2]], start=[0]),
    lambda: all(),
    lambda: any(1),
    lambda: all([], []),
    lambda: any(x > 2 for x in range(5)),
    lambda: all(iter([1, 2, 0])),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
