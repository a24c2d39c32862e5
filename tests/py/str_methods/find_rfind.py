s = 'hello world hello'
print(s.find('hello'), s.rfind('hello'), s.find('xyz'), s.rfind('xyz'))
print(s.find('o'), s.find('o', 5), s.find('o', 5, 7), s.rfind('o', 0, 10))
print(s.find(''), s.rfind(''), s.find('', 100))
print(s.find('l', -5), s.rfind('l', -5, -1))
