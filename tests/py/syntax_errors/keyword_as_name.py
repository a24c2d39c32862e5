for src in ['class = 1', 'def if(): pass', 'x.for = 1', 'import = 5']:
    try:
        compile(src, 'x', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, e.lineno)
