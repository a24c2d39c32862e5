name = 'World'
n = 42
print(f'Hello, {name}!')
print(f'{n} {n * 2} {n // 5}')
print(F'upper F {name.upper()}')
print(f'{{literal braces}} {n}')
print(f'{"inner dq"} {len(name)}')
print(f'')
