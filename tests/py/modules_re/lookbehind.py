import re
print(re.sub(r'(?<=a)b', 'X', 'ab cb ab'))
print(re.findall(r'(?<![a-z])\d', 'a1 2 b3 4'))
print(re.search(r'(?<=(a))b', 'ab').groups())
print(re.split(r'(?<=[.!?]) ', 'Hi. How are you? Fine!'))
print(re.search('(?<=é)x', 'aéx'), re.search('(?<!é)x', 'éxax'))
print(re.findall(r'(?<=\$)\d+', 'cost $30, $45 or 50'))
print(re.search(r'(?<=ab|cd)x', 'cdx').span())
print(re.search(r'(?<!^)a', 'aaa').span())
for p in ['(?<=a+)b', '(?<=a|bc)x', '(?<=a']:
    try:
        re.compile(p)
    except re.error as e:
        print(type(e).__name__, e)
