def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('caught', e)
        yield 'recovered'
    yield 'after'
gen = g()
print(next(gen))
print(gen.throw(ValueError('boom')))
print(next(gen))
try:
    gen.throw(KeyError('k'))
except KeyError as e:
    print('propagated', type(e).__name__, e)
