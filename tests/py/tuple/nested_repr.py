print(((1,), (2, (3, ())), 'a'))
print(repr((None,)))
print(str(('x', "y'z")))
