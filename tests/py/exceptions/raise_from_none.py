try:
    try:
        int('x')
    except ValueError:
        raise KeyError('k') from None
except KeyError as e:
    print(repr(e), e.__cause__)
