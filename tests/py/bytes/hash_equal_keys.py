d = {b'k': 1}
print(d[b'k'], b'k' in d)
print(b'k' == bytearray(b'k'))
