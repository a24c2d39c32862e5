for src in ['if x\n    pass\n', 'def f()\n    pass\n', 'for i in x\n    pass\n', 'while 1\n    pass\n', 'class C\n    pass\n']:
    try:
        compile(src, 'x', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, e.lineno)
