for expr in ['1 + None', '[1] - [1]', '{} + {}', '"a" - "b"', '1.5 & 1', '(1,) * 2.0']:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, '->', type(e).__name__, e)
