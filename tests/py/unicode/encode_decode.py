s = 'héllo'
b = s.encode('utf-8')
print(b, len(b), len(s))
print(b.decode('utf-8') == s)
print('€'.encode(), '😀'.encode(), '中'.encode('utf-8'))
print(b'\xe2\x82\xac'.decode())
print(bytes('ü', 'utf-8'), str(b'\xc3\xbc', 'utf-8'))
