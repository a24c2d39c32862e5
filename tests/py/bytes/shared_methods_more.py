# bytes and bytearray share str's implementations: results keep the receiver's type.
ba = bytearray(b'  Hello World  ')
for r in [ba.strip(), ba.split(), ba.upper(), ba.title(), ba.swapcase(), ba.center(20, b'*'),
          ba.zfill(18), ba.replace(b'l', b'L', 2), ba.partition(b'o'), ba.rpartition(b'o'),
          ba.expandtabs(), ba.splitlines(), ba.rsplit(b'o', 1), bytearray(b'-').join([b'a', b'b'])]:
    print(r)
print(b'abc'.split(memoryview(b'b')), b'abc'.replace(memoryview(b'b'), bytearray(b'X')))
print(b'a,b'.partition(bytearray(b',')), b'xax'.strip(memoryview(b'x')))
for f in [lambda: b'a'.split(b''), lambda: 'a'.split(''), lambda: b'a'.rsplit(b''),
          lambda: 'a'.rpartition(''), lambda: b'a'.partition(b'')]:
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
print(b'abc'.replace(b'', b'-'), b'abc'.replace(b'', b'-', 2), bytearray(b'').replace(b'', b'x'))
print(b'\xc3\xa9A'.upper(), b'\xc3\xa9a'.isalpha(), b'\xe9'.isupper(), b'Ab'.istitle(), b'AB'.istitle())
print(b'hello'.center(8), b'hi'.center(5, b'-'), b'abc'.ljust(2), b'+5'.zfill(4))
print(b'a b'.isspace(), b' \t\n\r\x0b\x0c'.isspace(), b'\x1c'.isspace(), b''.isspace())
