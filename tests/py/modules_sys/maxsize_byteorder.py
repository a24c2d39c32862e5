import sys
print(sys.maxsize > 2**30)
print(isinstance(sys.maxsize, int))
print(sys.byteorder in ('little', 'big'))
