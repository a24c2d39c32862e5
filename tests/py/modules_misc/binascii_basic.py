import binascii

print(binascii.hexlify(b"\x01\xab\xff"), binascii.b2a_hex(bytearray(b"AB")), binascii.hexlify(b""))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", ":", -2), binascii.hexlify(b"\x01\x02", sep=" "))
print(binascii.unhexlify("01abFF"), binascii.unhexlify(b"0a0b"), binascii.a2b_hex(""))
print(binascii.b2a_base64(b"hello"), binascii.b2a_base64(b"hello", newline=False))
for s in [b"", b"a", b"ab", b"abc", b"abcd", bytes(range(256))]:
    enc = binascii.b2a_base64(s)
    assert binascii.a2b_base64(enc) == s
print(binascii.b2a_base64(b"ab"), binascii.b2a_base64(b"abcd", newline=False))
print(binascii.a2b_base64("aGVsbG8="), binascii.a2b_base64(b"aGVs\nbG8=\n"), binascii.a2b_base64("aGVsbA==junk"))
print(binascii.crc32(b"hello"), binascii.crc32(b""), binascii.crc32(b" world", binascii.crc32(b"hello")))
print(binascii.crc32(b"hello world") == binascii.crc32(b" world", binascii.crc32(b"hello")))
print(issubclass(binascii.Error, ValueError))


def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except binascii.Error as e:
        print("binascii.Error", e)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


t(binascii.unhexlify, "abc")
t(binascii.unhexlify, "zz")
t(binascii.unhexlify, 5)
t(binascii.unhexlify, "é0")
t(binascii.hexlify, "ab")
t(binascii.hexlify, b"ab", "--")
t(binascii.a2b_base64, "abc")
t(binascii.a2b_base64, "abcde")
t(binascii.a2b_base64, "a")
t(binascii.b2a_base64, "x")
t(binascii.crc32, "x")
