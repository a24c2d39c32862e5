s = 'αβγδε'
print(s[::-1], s[1:4], s[::2], s[-2:])
print('x' + s[2] + 'y')
print(s.find('γ'), s.index('ε'), 'δ' in s)
