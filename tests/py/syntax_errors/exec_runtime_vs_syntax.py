try:
    exec('x = 1\ny = (\n')
except SyntaxError as e:
    print('syntax', type(e).__name__)
try:
    exec('z = undefined_thing')
except NameError as e:
    print('runtime', type(e).__name__, e)
ns = {}
exec('def f():\n    return 7\n', ns)
print(ns['f']())
