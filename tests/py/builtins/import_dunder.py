s = __import__('sys')
print(type(s).__name__)
print(s.maxsize > 0)
import sys
print(s is sys)
m = __import__('math')
print(m.floor(2.7))
