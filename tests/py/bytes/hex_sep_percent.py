# bytes.hex with separators, fromhex errors and bytes % formatting.
b = bytes(range(1, 6))
print(b.hex(), b.hex(':'), b.hex(':', 2), b.hex('-', -2), b.hex(b' ', 1))
print(bytearray(b'\xde\xad').hex('_'), bytearray.fromhex('0a 0B'), bytes.fromhex(' 01\n02\t'))
for s in ['zz', '1', '12 3', b'12']:
    try:
        bytes.fromhex(s)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    b.hex('ab')
except ValueError as e:
    print('ValueError', e)
print(b'%s|%5d|%-4b|%c%c' % (b'x', 3, bytearray(b'y'), 65, b'z'))
print(b'%r %a %x' % ('\u00e9', b'q', 255), b'%(k)s' % {b'k': b'v'})
print(bytearray(b'%s!') % b'hi')
for f, a in [(b'%s', 'str'), (b'%c', 300), (b'%c', 'a')]:
    try:
        f % a
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
