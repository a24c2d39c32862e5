print((0.5).as_integer_ratio(), (-0.75).as_integer_ratio(), (3.0).as_integer_ratio())
print((0.1).as_integer_ratio(), (1e300).as_integer_ratio()[1], (5e-324).as_integer_ratio()[0])
print((2.5).conjugate(), (-0.0).is_integer(), (2.0**60).is_integer())
for bad in [lambda: float('nan').as_integer_ratio(), lambda: float('inf').as_integer_ratio(),
            lambda: (1.0).is_integer(1), lambda: float.is_integer(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
