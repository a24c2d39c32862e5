import re
s = 'one\ntwo\nthree\n'
print(re.findall('^\\w+', s))
print(re.findall('^\\w+', s, re.M))
print(re.findall('\\w+$', s))
print(re.findall('\\w+$', s, re.MULTILINE))
print(re.findall('(?m)^t\\w*$', s))
print(re.search(r'\Atwo', s, re.M), re.search(r'one\Z', s, re.M))
print([m.span() for m in re.finditer('^', 'a\nb\n', re.M)])
print([m.span() for m in re.finditer('$', 'a\nb\n', re.M)])
