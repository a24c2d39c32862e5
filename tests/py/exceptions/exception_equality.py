a = ValueError('x')
b = ValueError('x')
print(a == b, a is a, a.args == b.args)
print(isinstance(a, BaseException))
