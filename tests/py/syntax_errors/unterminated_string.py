for src in ["x = 'abc\n", 'y = "abc\n', 's = """abc\n']:
    try:
        compile(src, 'x', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, e.lineno)
