class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    n = 5
    try:
        bad = [n for _ in range(2)]
    except NameError as e:
        err = str(e)
print(C.doubled)
print(C.err)
