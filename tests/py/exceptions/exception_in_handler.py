try:
    try:
        raise ValueError('first')
    except ValueError:
        raise TypeError('second')
    finally:
        print('finally')
except TypeError as e:
    print(type(e).__name__, e, '<-', type(e.__context__).__name__, e.__context__)
