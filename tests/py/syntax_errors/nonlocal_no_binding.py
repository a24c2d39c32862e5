src = 'def f():\n    def g():\n        nonlocal zz\n        zz = 1\n'
try:
    compile(src, 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
