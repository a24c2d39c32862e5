for v in [0.1, 1e100, -1e-100, 12.0, 1e16, 123.0e5]:
    print(str(v), repr(v))
print(1.0 / 4, 10 / 4, 2 ** 0.5, 7 / 7)
