import sys
print(sys.version_info[0] == 3)
print(sys.version_info >= (3,))
print(isinstance(sys.version, str))
