ba = bytearray(b'hello')
ba[0:1] = b'J'
print(ba)
del ba[-1:]
print(ba, ba[::-1])
ba[1:3] = b''
print(ba)
