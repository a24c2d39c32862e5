for exc in (ZeroDivisionError('z'), KeyError('k'), IndexError('i'), ValueError('v')):
    try:
        raise exc
    except ArithmeticError as e:
        print('arith', type(e).__name__)
    except LookupError as e:
        print('lookup', type(e).__name__)
    except Exception as e:
        print('other', type(e).__name__)
