import re
s = 'héllo wörld ñ €uro'
print(re.findall(r'\w+', s))
m = re.search('wörld', s)
print(m.span(), m.group())
print(re.sub('ö', 'oe', s))
print([m.span() for m in re.finditer('[éöñ€]', s)])
print(re.split(r'\s', s))
print(re.search('(.)(.)$', s).groups(), re.search('(.)(.)$', s).span(1))
print(re.findall('[à-ÿ]', s))
print(re.search(r'\u20ac', s).start())
print(re.compile('l+').search(s, 3).span())
print(re.match('.', '😀x').group(), len(re.match('.', '😀x').group()))
