src = 'if 1:\n        a = 1\n    b = 2\n'
try:
    compile(src, 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.lineno, isinstance(e, SyntaxError))
