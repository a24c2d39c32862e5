import re
m = re.search(r'(\d+)-(\d+)(-(\d+))?', 'tel: 12-345 end')
print(m.group(0), m.group(1), m.group(2), m.group(3), m.group(4))
print(m.groups())
print(m.groups('x'))
print(m.group(1, 2, 0))
print(m.span(1), m.start(2), m.end(2), m.span(3), m.start(4))
print(m[0], m[1])
print(m.lastindex)
for bad in (5, -1, 'x'):
    try:
        m.group(bad)
    except IndexError as e:
        print(type(e).__name__, e)
