import re
s = 'ab' * 600 + 'c'
print(re.search('c', s).span())
print(len(re.findall('ab', s)))
print(re.match('(ab)*c', s).span(), re.match('(ab)*c', s).group(1))
print(re.match('(?:a|b)*?c', s).end())
print(len(re.sub('a', 'xy', s)))
print(len(re.split('b', s)))
print(re.search('(a|b)*d', s))
