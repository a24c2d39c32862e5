tests = [lambda: 1 + 'a', lambda: 'a' + 1, lambda: 1 - None, lambda: [1] * 'x', lambda: 5 < 'a', lambda: -'a', lambda: ~1.5]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
