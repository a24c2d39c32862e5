def inner():
    a = yield 'i1'
    b = yield 'i2'
    return a + b
def outer():
    r = yield from inner()
    yield 'result ' + r
g = outer()
print(next(g))
print(g.send('x'))
print(g.send('y'))
