# `in` on str and bytes: long needles, near misses, empty needles, multi-byte
# characters, bytes-like operands (one shared substring search).
s = 'a' * 200000
print(('a' * 2000 + 'b') in s, 'aab' in 'xaaab', '' in 'x', 'é€' in 'aé€b', 'ba' in 'ab')
b = b'a' * 200000
print((b'a' * 2000 + b'b') in b, b'ab' in bytearray(b'xab'), b'' in b'', 97 in b'a', b'x' in memoryview(b'yx'))
print(int('1_000'), end=' ')
try:
    int('1__0')
except ValueError as e:
    print(e)
