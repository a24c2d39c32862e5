print('a=b=c'.partition('='))
print('a=b=c'.rpartition('='))
print('abc'.partition('='))
print('abc'.rpartition('='))
print('key: value'.partition(': '))
try:
    'abc'.partition('')
except ValueError as e:
    print("ValueError", e)
