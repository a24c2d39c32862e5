try:
    compile('f(a=1, 2)\n', 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
