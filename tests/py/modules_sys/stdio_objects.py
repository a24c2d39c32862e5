import sys
print(hasattr(sys.stdout, 'write'), hasattr(sys.stderr, 'write'), hasattr(sys.stdin, 'read'))
print(sys.stdout is not None)
