# str.format parsing errors and field access.
for f, args in [('{0!x}', (1,)), ('{0!}', (1,)), ('{0!rr}', (1,)), ('{', ()),
                ('}', ()), ('{0', (1,)), ('{0[}', (1,)), ('{0.}', (1,)),
                ('{0[0]x}', ([1],)), ('x{', ()), ('{:{:{}}}', (1, 2, 3)),
                ('{0:}}', (1,)), ('{0[]}', ({},)), ('{0..a}', (1,)),
                ('{99999999999999999999}', (1,)), ('{} {}', (1,)), ('{0} {}', (1, 2))]:
    try:
        print(repr(f.format(*args)))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
for f in ['{0]}', '{-1}', '{x}']:
    try:
        f.format(1)
    except KeyError as e:
        print('KeyError', e)
print('{00} {0[1]}'.format('ab'))
print('{0[}]}'.format({'}': 'brace'}), '{0[a:b]}'.format({'a:b': 'colon'}))
print('{!a} {!r:^9}|'.format('\u00e9\u20ac', 'ab'))
print('{:{}{}}|{:.{p}f}'.format('ab', '>', 5, 3.14159, p=2))
print('{{{}}} {{}}'.format(7), '{x}{y}'.format(**{'x': 1, 'y': 2}))
print('{0.real}{0.imag}'.format(5), '{0.__class__.__name__}'.format(1.5))
