width = 10
prec = 3
x = 2.718281828
print(f'{x:{width}.{prec}f}|')
print(f'{"mid":^{width}}|')
fill = '-'
print(f'{"z":{fill}>{width}}')
for w in range(3, 6):
    print(f'[{w:{w}}]')
