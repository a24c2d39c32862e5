def f():
    try:
        1 / 0
    except ZeroDivisionError:
        print('logging')
        raise
try:
    f()
except ZeroDivisionError as e:
    print('outer', e)
try:
    try:
        raise TypeError('t')
    except TypeError as e:
        raise e
except TypeError as e2:
    print('again', e2)
