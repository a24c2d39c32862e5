def g():
    yield 1
    return 'result'
gen = g()
next(gen)
try:
    next(gen)
except StopIteration as e:
    print('value:', e.value, e.args)
def h():
    return 5
    yield
try:
    next(h())
except StopIteration as e:
    print(e.value)
