for f in (lambda: -'s', lambda: +[1], lambda: ~'x', lambda: -None):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
