import re
print(re.escape('hello'))
print(re.escape('a.b*c+d?e(f)[g]{h}|i^j$k\\l'))
print(re.escape('a b\tc\nd-e#f&g~h'))
print(re.escape('ümlaut_123'))
print(re.escape(b'x.y'))
s = 'a+b (c) [d]'
print(re.search(re.escape(s), 'xx ' + s + ' yy').span())
