a = 0xDEAD
b = 0xBEEF
print(a + b, hex(a ^ b), hex(a & b), hex(a | b))
print(0o777 - 0b111111111)
