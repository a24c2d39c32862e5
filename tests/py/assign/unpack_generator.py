def gen():
    yield 1
    yield 2
a, b = gen()
print(a, b)
first, *rest = (i * i for i in range(5))
print(first, rest)
