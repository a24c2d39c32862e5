import re
for repl in [r'\3', r'\g<3>', r'\g<x>', r'\g<1', r'\g', r'\q', '\\', r'\g<>', r'\g<1a>']:
    try:
        print(re.sub('(a)(b)', repl, 'ab'))
    except (re.error, IndexError) as e:
        print(repr(repl), type(e).__name__, e)
try:
    re.sub('a', 1, 'a')
except TypeError as e:
    print(type(e).__name__, e)
