import struct

print(struct.pack("<bBhHiIlLqQ", -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**32 - 1, -5, 2**64 - 1))
print(struct.pack(">bBhHiIlLqQ", -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**32 - 1, -5, 2**64 - 1))
print(struct.pack("!hi", 1, 2), struct.pack("=hi", 1, 2))
print(struct.pack("@bi", 1, 2), struct.pack("bq", 1, 2), struct.pack("bd", 1, 2.5))
print(struct.pack("<fd", 1.5, -2.25), struct.pack(">fd", 1.5, -2.25))
print(struct.pack("<3s", b"abcdef"), struct.pack("<3s", b"a"), struct.pack("<0s", b"x"))
print(struct.pack("<2x3b", 1, 2, 3), struct.pack("<??c", 0, [1], b"z"))
print(struct.pack("5s", bytearray(b"ab")), struct.pack("P", 12))
print(struct.pack("<i", True), struct.pack("<q", 2**63 - 1), struct.pack("<q", -(2**63)))

for fmt in ["", "b", "i", "@ib", "@bi", "@bq", "bd", "b?h", "<bq", "3i", "10s", "2x", "<l", "l",
            "P", "=Q", "i h", "0s", "4sI", "c3x"]:
    print(repr(fmt), struct.calcsize(fmt))

print(struct.unpack("<bBhHiIlLqQ", struct.pack("<bBhHiIlLqQ", -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**32 - 1, -5, 2**64 - 1)))
print(struct.unpack(">bBhHiIlLqQ", struct.pack(">bBhHiIlLqQ", -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**32 - 1, -5, 2**64 - 1)))
print(struct.unpack("<fd", struct.pack("<fd", 1.5, -2.25)), struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.unpack("<3s2c?x", b"abcde\x05\x00"))
print(struct.unpack("@bi", struct.pack("@bi", 7, -9)))
print(struct.unpack(b"<H", b"\x01\x02"))
print(struct.unpack_from("<H", b"\x01\x02\x03\x04", 2), struct.unpack_from("<H", b"\x01\x02\x03\x04"))
print(struct.unpack_from("<H", b"\x01\x02\x03\x04", -2), struct.unpack_from("<b", buffer=b"\x09"))
print(struct.unpack_from("<H", memoryview(b"\x01\x02\x03\x04")[1:]))
print(struct.unpack(">d", struct.pack(">d", float("inf"))))

ba = bytearray(8)
struct.pack_into("<hh", ba, 2, 1, -1)
print(ba)
struct.pack_into(">i", ba, -4, 0x01020304)
print(ba)
mv = memoryview(ba)
struct.pack_into("<b", mv[1:], 0, 0x7F)
print(ba)

try:
    import ustruct
    print(ustruct.pack("<h", 1))
except ImportError:
    print(b"\x01\x00")
print(issubclass(struct.error, Exception))
