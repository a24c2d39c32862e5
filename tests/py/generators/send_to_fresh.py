def g():
    x = yield 1
    print('x', x)
gen = g()
try:
    gen.send(5)
except TypeError as e:
    print(type(e).__name__, e)
print(gen.send(None))
