print((255).bit_count(), (-255).bit_count(), (2**100 - 1).bit_count(), (0).bit_count())
print((5).bit_length(), (-5).bit_length(), (2**64).bit_length(), True.bit_length())
print((3).conjugate(), True.conjugate())
tests = [
    lambda: (1).bit_length(1),
    lambda: (5).to_bytes(1, 'mid'),
    lambda: (1).to_bytes(-1, 'big'),
    lambda: (1).to_bytes(2, 'big', 1),
    lambda: (1).to_bytes(2, byteorder='little'),
    lambda: (255).to_bytes(),
    lambda: (-129).to_bytes(1, 'big', signed=True),
    lambda: (-128).to_bytes(1, 'big', signed=True),
    lambda: (2**70).to_bytes(9, 'little'),
    lambda: int.from_bytes(),
    lambda: int.from_bytes(5, 'big'),
    lambda: int.from_bytes('ab', 'big'),
    lambda: int.from_bytes([1, 2], 'little'),
    lambda: int.from_bytes([256], 'little'),
    lambda: int.from_bytes(b'\xff' * 9, 'big', signed=True),
    lambda: bool.from_bytes(b'\x00', 'big'),
    lambda: int.from_bytes(bytes=b'\x01\x00', byteorder='little'),
    lambda: int.bit_length('x'),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
