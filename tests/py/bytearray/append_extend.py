ba = bytearray()
ba.append(65)
ba.append(66)
ba.extend(b'CD')
ba.extend([69, 70])
ba.extend(bytearray(b'G'))
print(ba, len(ba))
ba += b'HI'
print(ba)
