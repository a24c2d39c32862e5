import re
print(re.fullmatch(r'\d+', '12345'))
print(re.fullmatch(r'\d+', '123a'))
print(re.fullmatch(r'a|ab', 'ab'))
print(re.fullmatch(r'a*?', 'aaa'))
print(re.fullmatch(r'(a+)(a*)', 'aaaa').groups())
p = re.compile('b+')
print(p.fullmatch('abbbc', 1, 4), p.fullmatch('abbbc', 1))
print(re.fullmatch('', ''))
