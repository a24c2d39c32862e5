# split/rsplit: maxsplit, whitespace rules and multi-character separators.
s = '  one two\tthree\n four  '
for n in (-1, 0, 1, 2, 10):
    print(n, s.split(None, n), s.rsplit(None, n))
print('a,b,,c,'.split(','), 'a,b,,c,'.rsplit(',', 2))
print('aaaa'.split('aa'), 'aaaaa'.rsplit('aa'), 'aaaaa'.split('aa', 1))
print('x--y--z'.split('--', maxsplit=1), 'x--y--z'.rsplit(sep='--', maxsplit=1))
print(''.split(), ''.split(','), '   '.split(), '   '.split(' '))
print('a\u3000b\xa0c\x1cd'.split(), 'a b'.split(' ', 0))
print('\u00e9t\u00e9 \u00e0 la'.rsplit(None, 1), 'p\u00e9p\u00e9'.split('\u00e9'))
for args in [(1,), ('',), (None, 'x')]:
    try:
        'a b'.split(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(b' a  b '.split(), b'a,b,c'.rsplit(b',', 1), bytearray(b'x y').split())
