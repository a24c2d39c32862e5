for obj in [5, 'abc', None, [1]]:
    try:
        obj()
    except TypeError as e:
        print(type(e).__name__, e)
