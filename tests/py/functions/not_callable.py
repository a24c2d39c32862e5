for v in (None, 5, 'str', [1]):
    try:
        v()
    except TypeError as e:
        print(type(e).__name__, e)
