for s in ['abc', '', '1.2.3', '1e', '--1']:
    try:
        float(s)
    except ValueError as e:
        print("ValueError", e)
print(float(' 1.5 '), float('-.5e1'), float('+inf'), float('-nan'))
