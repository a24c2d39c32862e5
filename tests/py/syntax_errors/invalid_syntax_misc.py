for src in ['x = = 1', 'x === 1', 'print 5', '1 +', 'def f(:\n  pass', 'a b', 'x = [1, 2', 'else:\n  pass\n', 'lambda x: yield']:
    try:
        compile(src, 'x', 'exec')
        print('compiled', repr(src))
    except SyntaxError as e:
        print(type(e).__name__, e.lineno)
