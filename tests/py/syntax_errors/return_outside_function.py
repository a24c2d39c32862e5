try:
    compile('x = 1\nreturn x\n', 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
