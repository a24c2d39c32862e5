x = 2 ** 62
print(x, x * 2, x * 4)
y = 2 ** 63 - 1
print(y + 1, -y - 1, -y - 2)
print(0x7fffffff + 1, 0xffffffff + 1)
small = 1 << 30
print(small * small)
print(type(2 ** 100).__name__)
