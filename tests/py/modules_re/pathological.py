import re
# Each of these takes exponential time in a plain backtracking matcher.
n = 30
print(re.match('(a*)*b', 'a' * n))
print(re.match('(a|aa)*c', 'a' * n))
print(re.search('(x+x+)+y', 'x' * n))
print(re.match('(a+)+$', 'a' * n + '!'))
print(re.search('(.*a){12}', 'a' * 20) is not None)
print(re.match('(a|a)*b', 'a' * n))
print(re.fullmatch('(\\w+\\s?)*', 'word ' * 10 + '!'))
print(len(re.findall('(a*)*b', 'a' * 200)))
print(re.match('(a*)*$', 'a' * n).span())
