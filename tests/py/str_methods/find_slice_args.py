# start/end arguments of find/count/startswith use slice semantics in characters.
s = 'h\u00e9llo w\u00f6rld h\u00e9llo'
print(s.find('l', 3), s.rfind('l', 3, -3), s.index('\u00f6'), s.count('l', 2, 14))
print(s.find('', 17), s.find('', 18), s.rfind(''), s.count(''))
print('abc'.count('', 5), 'abc'.count('', 1, 2), 'abc'.find('a', None, None))
print('abc'.find('c', -1), 'abc'.find('a', -100, 100), 'abc'.find('a', 10**30))
print(s.startswith('w\u00f6', 6), s.endswith('\u00f6', 0, 8), s.startswith(('x', 'h\u00e9')))
print('abc'.startswith('', 3), 'abc'.startswith('', 4), 'abc'.endswith(()))
for f in [lambda: 'abc'.startswith(1), lambda: 'abc'.endswith(('x', 1)),
          lambda: 'abc'.find(1), lambda: 'abc'.find('a', 'x'),
          lambda: 'abc'.index('z'), lambda: 'abc'.rindex('z', 1),
          lambda: b'abc'.index(b'z'), lambda: b'abc'.find(300)]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
