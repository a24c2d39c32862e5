ba = bytearray(b'hello')
ba[0] = 72
print(ba)
ba[-1] = ord('O')
print(ba, ba[0], len(ba))
try:
    ba[0] = 256
except ValueError as e:
    print("ValueError", e)
