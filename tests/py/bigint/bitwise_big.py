a = (1 << 100) | 0xff
print(a & 0xf0, a >> 96, a ^ (1 << 100))
print(-(1 << 70) >> 3)
print((-(1 << 70)) & 0xffff)
print(~(1 << 80))
print((1 << 100).bit_length())
