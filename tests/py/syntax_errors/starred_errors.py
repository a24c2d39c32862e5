for src in ['*a = [1, 2]', 'a, *b, *c = [1, 2, 3]', 'print(*)']:
    try:
        compile(src, 'x', 'exec')
        print('compiled', src)
    except SyntaxError as e:
        print(type(e).__name__, e.lineno)
