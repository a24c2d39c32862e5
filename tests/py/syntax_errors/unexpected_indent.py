src = 'x = 1\n    y = 2\n'
try:
    compile(src, 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
