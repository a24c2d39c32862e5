# Old-style % formatting: flags, star arguments, precision of ints, errors.
print('[%-6.2f] [%+.0f] [% d] [%05.1f]' % (3.14159, 2.5, 7, -2.25))
print('[%.3d] [%#.3x] [%#X] [%#o] [%x]' % (5, 5, 255, -8, -255))
print('[%*d] [%-*d] [%.*f] [%*.*s]' % (5, 1, 4, 2, 2, 3.14159, 6, 2, 'abcdef'))
print('[%-5c] [%3c] [%c]' % ('x', 65, 0x20ac))
print('%r %a %s' % ('\u00e9', '\u00e9\u20ac', None))
print('%i %u %d' % (True, 3.99, -3.99))
print('%s' % ((1, 2),), '%s' % [1, 2], '%%' % ())
print('%(a)s-%(a)r-%(b)05d' % {'a': 'k', 'b': 42})
print('%(x)s' % {'x': 1, 'y': 2}, 'no args' % {})
print('%d' % 10**25, '%x' % 2**70)
print('%.2e|%10.3E|%g|%G' % (12345.678, 0.000123, 1e-5, 1e20))
for f, a in [('%d', 'x'), ('%x', 1.5), ('%f', 'x'), ('%c', 'ab'), ('%c', 1.5),
             ('%z', 1), ('%', 1), ('%(a', {}), ('%(a)s', 1), ('%*d', ('a', 1)),
             ('%s %s', (1,)), ('%s', (1, 2)), ('%5%', (1,)), ('%c', 0x110000),
             ('abc', 5), ('%(a)s %s', {'a': 1}), ('%d', float('inf'))]:
    try:
        print(repr(f % a))
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(type(e).__name__, e)
