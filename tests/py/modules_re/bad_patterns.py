import re
pats = ['(a', 'a)', '*', '+a', '?', 'a**', 'a+*', '[a', '[]', '[^]', '[z-a]', '\\q',
        '\\', 'a\\', '(?P<1a>x)', '(?P<a', '(?P<>x)', '(?P<a>x)(?P<a>y)', '(?x',
        '(?<x', '(?', '(?Px)', '(?z)', 'a{3,2}', '^*', '\\b*', 'a|*', '(*)', 'a{2}{3}',
        '(?#x', '(?i)a(?m)b', '\\x4', '\\1', '(a)\\2', '[\\d-z]', '(?-i)a', '(?iq)']
for p in pats:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), type(e).__name__, e)
e = None
try:
    re.compile('a(b')
except re.error as x:
    e = x
print(e.msg, e.pos, e.pattern, e.lineno, e.colno)
try:
    re.compile('ab\n(c')
except re.error as x:
    print(x)
print(issubclass(re.error, Exception))
