# start/end of find, index, count, startswith and endswith: negative,
# out of range and reversed, in characters for str and bytes for bytes.
s = 'héllo wörld'
b = s.encode()
for args in [(), (2,), (-3,), (-100,), (100,), (2, 5), (5, 2), (0, -1), (-5, -1), (None, 4), (3, None)]:
    print(args, s.find('l', *args), s.rfind('l', *args), s.count('l', *args),
          s.find('', *args), s.rfind('', *args), s.count('', *args))
    print(args, b.find(b'l', *args), b.rfind(b'l', *args), b.count(b'l', *args),
          b.find(b'', *args), b.rfind(b'', *args), b.count(b'', *args))
    print(args, s.startswith('h', *args), s.startswith('é', *args), s.endswith('d', *args),
          s.endswith('', *args), b.startswith(b'h', *args), b.endswith(b'', *args))
print(s.find('ö'), s.index('ö', 3), s.rindex('l'), s.find('wö', -5))
print(b.find('ö'.encode()), b.index(b'l', 3), b.rindex(b'l', 0, -2))
print(s.find('l', 2**70), s.count('l', -2**70), b.find(b'l', -2**70, 2**70))
print(bytearray(b).find(108), b.count(108), b.index(ord('w')))
