print(','.join(['a', 'b', 'c']))
print(''.join('xyz'))
print('-'.join([]))
print(' '.join(('one',)))
print('::'.join(str(i) for i in range(4)))
try:
    ','.join(['a', 1])
except TypeError as e:
    print("TypeError", e)
