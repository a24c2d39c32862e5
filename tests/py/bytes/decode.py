print(b'abc'.decode())
print(b'h\xc3\xa9'.decode('utf-8'), len(b'h\xc3\xa9'.decode()))
print(b'\xe2\x82\xac'.decode() == '\u20ac')
print(str(b'xyz', 'utf-8'))
