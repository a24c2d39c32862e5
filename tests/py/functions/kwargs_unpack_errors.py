def f(a, b):
    return a, b
print(f(**{'a': 1, 'b': 2}), f(*[1], **{'b': 2}))
try:
    f(1, **{'a': 2, 'b': 3})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__)
