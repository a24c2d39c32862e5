import re
def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
t(re.search, 1, 'a')
t(re.compile, None)
t(re.search, 'a', 1)
t(re.search, 'a', b'a')
t(re.search, b'a', 'a')
t(re.sub, 'a', 'b', 3)
t(re.sub, b'a', 'b', b'a')
t(re.findall, 'a', ['a'])
t(re.compile, 'a', re.A | re.U)
t(re.compile, b'a', re.U)
t(re.split, 'a', None)
