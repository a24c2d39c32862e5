try:
    compile('def f(a, a):\n    pass\n', 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
