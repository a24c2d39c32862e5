class A:
    x = 1
    def meth(self):
        pass
a = A()
a.y = 2
print('x' in dir(a), 'y' in dir(a), 'meth' in dir(a), 'zz' in dir(a))
print('append' in dir([]), 'keys' in dir({}), 'upper' in dir(''))
print('x' in dir(A), 'y' in dir(A))
