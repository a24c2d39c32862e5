import sys
print(sys.implementation.name in {'cpython', 'micropython', 'ferrite'})
print(isinstance(sys.implementation.name, str))
