try:
    compile('x = (1, 2\ny = 3\n', 'x', 'exec')
except SyntaxError as e:
    print(type(e).__name__)
