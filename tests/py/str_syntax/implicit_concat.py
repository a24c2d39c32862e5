s = 'abc' "def" '''ghi'''
print(s)
t = ('one '
     'two '
     'three')
print(t)
print('a' r'\n' 'b')
x = 5
print(f'{x}' 'y' f'{x + 1}')
