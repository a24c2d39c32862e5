s = 'banana'
print(s.count('a'), s.count('an'), s.count('ana'), s.count('x'))
print(s.count(''), ''.count(''), s.count('a', 2), s.count('a', 2, 4))
print('aaaa'.count('aa'))
