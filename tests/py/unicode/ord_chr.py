print(ord('a'), ord('é'), ord('中'), ord('😀'))
print(chr(233), chr(20013), chr(128512), chr(65))
print([ord(c) for c in 'añ'])
try:
    ord('ab')
except TypeError as e:
    print(type(e).__name__, e)
