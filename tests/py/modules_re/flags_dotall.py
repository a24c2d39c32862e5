import re
s = 'a\nb'
print(re.search('a.b', s))
print(re.search('a.b', s, re.S))
print(re.search('a.b', s, re.DOTALL))
print(re.search('(?s)a.b', s))
print(re.findall('.', 'x\ny'))
print(re.findall('.', 'x\ny', re.S))
print(re.search('a.*', 'abc\ndef').group(), repr(re.search('a.*', 'abc\ndef', re.S).group()))
