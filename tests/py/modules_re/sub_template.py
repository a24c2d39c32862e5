import re
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'))
print(re.sub(r'(\w+)=(\d+)', r'\g<2>:\g<1>', 'a=1 b=22'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\d+)', r'\g<v>=\g<k>', 'a=1 b=22'))
print(re.sub('a', r'[\n\t\\]', 'xa'))
print(re.sub('a', r'\&', 'xa'))
print(re.sub(r'(a)(b)?', r'[\2]', 'ac ab'))
try:
    re.sub('(x)', r'\10', 'x')
except re.error as e:
    print(type(e).__name__, e)
print(re.sub('(x)', r'\g<1>0', 'x'))
print(re.sub(r'\d', '#', 'a1b22c333', count=2))
print(re.sub(r'\d', '#', 'a1b22c333', 3))
print(re.subn(r'\d', '#', 'a1b22c333'))
print(re.sub('', '-', 'abc'))
print(re.sub('b*', '-', 'abc'))
