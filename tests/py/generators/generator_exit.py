def g():
    try:
        yield 1
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
gen = g()
next(gen)
gen.close()
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print(type(e).__name__, e)
