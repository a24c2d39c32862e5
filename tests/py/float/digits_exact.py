# Exact float digits and parsing (vm/src/dtoa.rs, strtod.rs): shortest
# repr with ties to even, subnormals, huge precisions, round(), float().
for x in [0.1, 0.3, 1 / 3, 2 / 3, 1e22, 1e23, 9.999999999999999e22, 123456789.0,
          648020182569107.25, 5e-324, 1e-310, 2.2250738585072014e-308,
          1.7976931348623157e308, 2.0 ** 60, 0.5, 1.5, 2.5, 1e16, 1.1e-5]:
    print(repr(x), repr(-x), str(x))
print('%.20e' % 0.1, '%.0f' % 0.5, '%.0f' % 1.5, '%.0f' % 2.5)
print('%.30f' % 1e-20, '%.3g' % 1234567.0, '{:.17g}'.format(0.1))
print(format(5e-324, '.1100f')[-20:], len(format(1.5, '.2000f')))
print(format(1e300, '.5e'), format(123.456, '.0e'), format(9.9999, '.2f'))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(-1.5), round(2.5))
print(round(1234.5678, -2), round(-1250.0, -2), round(5e-324, 300), round(4.9e307, -308))
try:
    round(1.5e308, -308)
except OverflowError as e:
    print(e)
for s in ['1e-400', '-1e400', '2.4703282292062327e-324', '2.4703282292062328e-324',
          '1.7976931348623158e308', '179769313486231580793728971405301e276',
          '0.1000000000000000055511151231257827021181583404541015625',
          '9007199254740993', '  -1_000.5e-3\n', '.5', '5.', 'infinity', '-NaN']:
    print(repr(float(s)))
for bad in ['1e', '.', 'e5', '1.2.3', '1__0', '0x10']:
    try:
        float(bad)
    except ValueError as e:
        print(e)
