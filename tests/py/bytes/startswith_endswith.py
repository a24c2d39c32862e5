b = b'hello world'
print(b.startswith(b'hello'), b.startswith(b'world'), b.endswith(b'world'))
print(b.startswith(b'world', 6), b.endswith((b'x', b'ld')))
