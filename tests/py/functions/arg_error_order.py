# A bad keyword argument is reported before too many positional ones.
def f0(): pass
def f3(a, *, k): pass
def g(a, b=1): pass
def h(a): pass
for f, a, kw in ((f0, (1,), {'z': 1}), (f3, (1, 2), {'k': 1, 'j': 2}), (g, (1, 2, 3), {'a': 5}),
                 (h, (1, 2), {'a': 3}), (f3, (1, 2), {'k': 1}), (g, (1, 2, 3), {'c': 1})):
    try:
        f(*a, **kw)
    except TypeError as e:
        print(e)
