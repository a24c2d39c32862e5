def f(**kw):
    return sorted(kw.items())
print(f(), f(a=1, b=2))
def g(a, **kw):
    return a, sorted(kw)
print(g(1, x=2, y=3), g(a=5, z=0))
d = {'p': 1, 'q': 2}
print(f(**d, r=3))
