print(abs(-1))
abs = lambda v: 'mine'
print(abs(-1))
del abs
print(abs(-2))
