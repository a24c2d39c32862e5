# bytes.hex's separator: its length is checked before its type; a bytearray is
# neither str nor bytes there.
for s in [bytearray(b'_'), bytearray(b'__'), 5, '', 'ab', b'__', [1], [1, 2], b'-', ':', 'é']:
    try:
        print(b'ab'.hex(s), bytearray(b'xy').hex(s))
    except Exception as e:
        print(type(e).__name__, e)
