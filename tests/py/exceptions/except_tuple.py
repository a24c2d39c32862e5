def f(x):
    try:
        if x == 0:
            raise ValueError('v')
        if x == 1:
            raise TypeError('t')
        raise KeyError('k')
    except (ValueError, TypeError) as e:
        return 'tuple ' + type(e).__name__
    except Exception as e:
        return 'generic ' + type(e).__name__
print(f(0), f(1), f(2))
