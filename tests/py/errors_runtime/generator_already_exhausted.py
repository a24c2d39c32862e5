def g():
    yield 1
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, e.args)
print(next(it, 'exhausted'))
