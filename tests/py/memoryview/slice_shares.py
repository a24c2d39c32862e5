ba = bytearray(b'0123456789')
m = memoryview(ba)[2:8]
print(len(m), m.tobytes())
ba[3] = ord('#')
print(m.tobytes())
print(bytes(m[1:3]))
