def f():
    a = 10
    return eval('a + 1')
print(f())
def f2():
    x = 3
    exec('print(x * 2)')
f2()
g = {}
l = {}
exec('v = 5\nw = v + 1', g, l)
print(sorted(l.items()), 'v' in g)
exec('def h():\n    return q\nq = 7\nr = h()', g)
print(g['r'])
print(eval('y * 2', {'y': 21}), eval('a + b', {'a': 1}, {'b': 2}), eval('  3 * 4'))
c = compile('1 + 2', 'f', 'eval')
print(type(c).__name__, eval(c))
exec(compile('z = 5\nprint(z)', 'fname', 'exec'))
exec(compile('6 * 7', 's', 'single'))
for src, mode in [('x', 'bad'), ('x =', 'exec')]:
    try:
        compile(src, 'f', mode)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__)
for bad in [lambda: eval(), lambda: eval(1), lambda: exec(2), lambda: compile('x', 'f')]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    exec('raise KeyError(3)')
except KeyError as e:
    print("KeyError", e)
