try:
    compile('yield 1\n', 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.lineno)
