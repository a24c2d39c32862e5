import re
p = re.compile(r'(\d+)\.(\d+)')
print(p)
print(p.pattern, p.groups, p.groupindex)
print(p.flags == re.UNICODE)
print(p.match('3.14'), p.search('pi is 3.14'))
print(p.findall('1.2 3.4'), p.sub(r'\2.\1', '1.2 3.4'), p.split('a1.2b'))
print(re.compile(p) is p)
print(re.compile('x', re.I | re.S))
print(re.compile(b'x'))
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('b'))
print(p.match('x 3.14', 2))
print(p.search('3.14 5.67', 1).group())
print(type(p).__name__, type(p.match('1.2')).__name__)
try:
    re.compile(p, re.I)
except ValueError as e:
    print(type(e).__name__, e)
