def inner():
    try:
        yield 1
    except ValueError:
        yield 'inner handled'
def outer():
    yield from inner()
    yield 'outer continues'
g = outer()
print(next(g))
print(g.throw(ValueError))
print(next(g))
