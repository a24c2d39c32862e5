import re
m = re.match('(?:a(b))(c)', 'abc')
print(m.groups(), m.re.groups)
print(re.findall('(?:x|y)+', 'xyyz yx'))
print(re.match('(?#a comment)ab', 'ab'))
print(re.findall(r'(?x) \d+  # digits', 'a12 b3'))
print(re.search(r'''(?x)
    (\w+)   # word
    \s*=\s* # equals
    (\d+)   # number
''', 'x = 42').groups())
