s = 'abcabc'
print(s.index('b'), s.rindex('b'), s.index('c', 3), s.rindex('a', 0, 3))
try:
    s.index('z')
except ValueError as e:
    print("ValueError", e)
try:
    s.rindex('z')
except ValueError as e:
    print("ValueError", e)
