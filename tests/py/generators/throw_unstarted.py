def g():
    try:
        yield 1
    except ValueError:
        print('caught')
x = g()
try:
    x.throw(ValueError('v'))
except ValueError as e:
    print('raised', e)
try:
    next(x)
except StopIteration:
    print('done')
