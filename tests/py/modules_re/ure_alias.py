import re
import ure
print(ure is re)
print(ure.match('a', 'a').group())
print(ure.compile('x+').sub('-', 'axxbx'))
