import re
# Captures of loop iterations that match the empty string, as CPython.
for p, s in [('(a*)*', 'b'), ('(a*)+', 'b'), ('(a|b)*', 'ab'), ('(a*)*b', 'aab'), ('(a?)*?c', 'ac'), ('(|a)*', 'aa'), ('(a|)*', 'aa'), ('(a|)+b', 'aab'), ('(?:(a)|b)*', 'ab'), ('(a)|b', 'b'), ('((a)|b)+', 'ab'), ('(a*)*?b', 'aab'), ('(a+|b*)*c', 'abc')]:
    m = re.match(p, s)
    print(p, s, m and (m.group(), m.groups()))
