import re
tests = [
    ('a*', 'aaab'), ('a+', 'baaa'), ('a?b', 'ab'), ('a{2}', 'aaaa'),
    ('a{2,}', 'aaaaa'), ('a{1,3}', 'aaaaa'), ('a{,2}', 'aaaa'), ('x{0}y', 'y'),
    ('a*?b', 'aaab'), ('a+?', 'aaa'), ('a??', 'a'), ('a{2,4}?', 'aaaaa'),
    ('(ab)+', 'ababab'), ('(ab)+?', 'ababab'), ('a{3', 'a{3'), ('x{}', 'x{}'),
    ('<.*>', '<a><b>'), ('<.*?>', '<a><b>'), ('(a|b)*c', 'abbac'),
]
for p, s in tests:
    m = re.search(p, s)
    print(p, m.group() if m else None, m.span() if m else None)
