print(b'hello'.replace(b'l', b'L'))
print(b'aaaa'.replace(b'a', b'b', 2))
print(b'  hi  '.strip(), b'xxhixx'.strip(b'x'))
print(b'  hi  '.lstrip(), b'  hi  '.rstrip())
