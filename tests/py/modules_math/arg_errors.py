import math
tests = [
    lambda: math.sqrt('a'),
    lambda: math.sqrt(1, 2),
    lambda: math.sqrt(),
    lambda: math.atan2(1),
    lambda: math.ldexp(1, 1.5),
    lambda: math.log(1, 1),
    lambda: math.log(-10**400),
    lambda: math.ceil('x'),
    lambda: math.floor(None),
    lambda: math.trunc('x'),
    lambda: math.isclose(1, 1, rel_tol=-1),
    lambda: math.isclose(1, 2, 3),
    lambda: math.isinf(10**400),
    lambda: math.sqrt(10**400),
    lambda: math.ldexp(1.0, 10**100),
    lambda: math.pow(0, -1),
    lambda: math.pow(-8, 1 / 3),
]
for t in tests:
    try:
        print(t())
    except (TypeError, ValueError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(math.log(10**400), math.log2(2**2000), math.log10(10**500), math.ldexp(1.0, -10**100))
print(math.floor(-1e20), math.ceil(2**100) == 2**100, math.trunc(-2.5), math.floor(True))
