for src in ['break\n', 'x = 1\ncontinue\n', 'def f():\n    break\n']:
    try:
        compile(src, 'x', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, e.lineno)
