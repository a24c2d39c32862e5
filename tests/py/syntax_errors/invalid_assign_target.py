for src in ['1 = x', 'f() = 3', 'a + b = 1', '"s" = 1', 'None = 1', '(a, 1) = 2, 3']:
    try:
        compile(src, 'x', 'exec')
        print('compiled', src)
    except SyntaxError as e:
        print(type(e).__name__, e.lineno, src)
