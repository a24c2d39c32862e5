def g():
    yield gen.send(None)
gen = g()
try:
    next(gen)
except ValueError as e:
    print(type(e).__name__, e)
