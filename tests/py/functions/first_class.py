def apply(f, *args):
    return f(*args)
print(apply(max, 3, 7, 2), apply(len, 'abc'))
ops = {'add': lambda a, b: a + b, 'mul': lambda a, b: a * b}
print(ops['add'](2, 3), ops['mul'](2, 3))
fns = [str.upper, str.lower]
print([f('Mix') for f in fns])
