import re
print(re.match('a|ab', 'ab').group())
print(re.match('ab|a', 'ab').group())
print(re.findall('cat|dog|bird', 'dog cat fish bird'))
print(re.match('(a|b)+c', 'abbc').groups(), re.match('(a*)*', 'b').groups())
print(re.search('x(a|b)y|z', 'zxay').group(), re.search('x(a|b)y|z', 'xay').group(1))
print(re.fullmatch('a|ab', 'ab'))
print(re.match('|a', 'a'))
print(re.findall('(?:ab|cd)+', 'ababcd cdx'))
