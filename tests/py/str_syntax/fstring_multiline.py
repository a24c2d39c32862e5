a = 1
b = 2
s = f'''a={a}
b={b}'''
print(s)
t = (f'{a}'
     f'{b}'
     '{c}')
print(t)
