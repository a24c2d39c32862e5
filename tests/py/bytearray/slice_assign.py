ba = bytearray(b'abcdef')
ba[1:3] = b'XYZ'
print(ba)
ba[0:0] = b'>>'
print(ba)
del ba[0:2]
print(ba)
ba[::2] = b'1234'
print(ba)
del ba[-1]
print(ba)
ba[:] = b''
print(ba, len(ba))
