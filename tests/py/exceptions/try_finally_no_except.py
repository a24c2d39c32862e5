def f():
    try:
        raise ValueError('propagate')
    finally:
        print('cleanup')
try:
    f()
except ValueError as e:
    print('caught', e)
