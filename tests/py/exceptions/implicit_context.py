try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('in handler')
except RuntimeError as e:
    print(e, type(e.__context__).__name__, e.__cause__)
