import re
def up(m):
    return m.group(1).upper()
print(re.sub(r'_(\w)', up, 'snake_case_name'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
count = [0]
def counter(m):
    count[0] += 1
    return '<%d:%s>' % (count[0], m.group())
print(re.sub('[aeiou]', counter, 'education'))
print(re.subn('x', lambda m: 'yy', 'xax'))
p = re.compile(r'(\w+)@(\w+)')
print(p.sub(lambda m: m.group(2) + '@' + m.group(1), 'a@b c@d'))
def nested(m):
    return re.sub('o', '0', m.group())
print(re.sub(r'\w+', nested, 'foo boo'))
