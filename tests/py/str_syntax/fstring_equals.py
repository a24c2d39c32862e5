x = 10
y = 'ab'
print(f'{x=}')
print(f'{x + 1=}')
print(f'{y=}')
print(f'{y=!s}')
print(f'{x = }')
print(f'{x=:5}|')
