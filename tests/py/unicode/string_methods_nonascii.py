s = '  ñoño  '
print(repr(s.strip()), s.strip().replace('ñ', 'n'), s.count('ñ'))
print('a,é,中'.split(','), '-'.join(['é', 'ü']))
print('éa'.startswith('é'), 'aé'.endswith('é'))
print('%5s|' % 'é', f'{"中":>3}|')
