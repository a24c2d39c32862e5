def g():
    yield 1
    raise ValueError('inside gen')
gen = g()
print(next(gen))
try:
    next(gen)
except ValueError as e:
    print(type(e).__name__, e)
try:
    next(gen)
except StopIteration:
    print('exhausted')
