m = memoryview(b'xyz')
print(bytes(m) == b'xyz', m.tobytes() == b'xy')
print(bytearray(memoryview(b'ab')))
