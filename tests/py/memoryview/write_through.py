ba = bytearray(b'abcdef')
m = memoryview(ba)
m[0] = ord('A')
print(ba)
m[2:4] = b'XY'
print(ba)
sub = m[3:]
sub[0] = ord('!')
print(ba)
