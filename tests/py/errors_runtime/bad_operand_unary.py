for expr in ['-"a"', '~1.5', '+[]']:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, '->', type(e).__name__, e)
