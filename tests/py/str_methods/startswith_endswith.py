s = 'hello world'
print(s.startswith('hello'), s.startswith('world'), s.endswith('world'), s.endswith('hello'))
print(s.startswith(('x', 'he')), s.endswith(('ld', 'zz')), s.startswith(()))
print(s.startswith('world', 6), s.startswith('wor', 6, 8), s.endswith('hello', 0, 5))
print(s.startswith(''), s.endswith(''), ''.startswith(''))
print(s.endswith('o', 0, -6), s.startswith('o', -5))
