import re
s = '<p>one</p><p>two</p>'
print(re.findall('<p>(.*)</p>', s))
print(re.findall('<p>(.*?)</p>', s))
print(re.match('(a+)(a+)', 'aaaa').groups())
print(re.match('(a+?)(a+)', 'aaaa').groups())
print(re.match('(a*?)(a*?)$', 'aaa').groups())
print(re.match('(a{1,3}?)(a*)', 'aaaa').groups())
print(re.match('(a|ab)(c|bcd)(d*)', 'abcd').groups())
print(re.search('a.*b', 'a1b2b3').group(), re.search('a.*?b', 'a1b2b3').group())
