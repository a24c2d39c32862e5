def g():
    yield 'a'
    yield 'b'
gen = g()
print(next(gen), next(gen), next(gen, 'end'))
