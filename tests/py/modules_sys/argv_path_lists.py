import sys
print(isinstance(sys.argv, list))
print(isinstance(sys.path, list))
print(all(isinstance(a, str) for a in sys.argv))
