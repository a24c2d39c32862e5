def g():
    yield 1
gen = g()
print(list(gen), list(gen))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, 'default'))
