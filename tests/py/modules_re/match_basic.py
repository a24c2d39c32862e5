import re
print(re.match('abc', 'abcdef'))
print(re.match('abc', 'xabc'))
print(re.search('abc', 'xabc'))
print(re.match('', 'abc'))
m = re.match('a+', 'aaab')
print(bool(m), m.group(), m.start(), m.end(), m.span())
print(m.string, m.pos, m.endpos)
print(m.re.pattern)
if re.match('x', 'y'):
    print('no')
else:
    print('falsy None')
