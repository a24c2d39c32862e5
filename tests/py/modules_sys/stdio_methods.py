import sys
import usys
print(usys is sys, usys.path is sys.path, sys.modules['usys'] is sys)
print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
print(sys.stdout.write("x\n"), sys.stdout.write("\u00e9\n"))
sys.stdout.flush()
print(repr(sys.stdin.readline()))
try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print("TypeError", e)
try:
    sys.exit(1, 2)
except TypeError:
    print("TypeError")
print(type(sys.version_info).__name__, sys.version_info[:2] >= (3, 4), sys.platform == 'linux')
