class C:
    pass
c = C()
setattr(c, 'x', 5)
print(getattr(c, 'x'), hasattr(c, 'x'), hasattr(c, 'y'))
delattr(c, 'x')
print(hasattr(c, 'x'))
try:
    getattr(c, 'missing')
except AttributeError as e:
    print(e)
print(getattr(c, 'missing', None))
