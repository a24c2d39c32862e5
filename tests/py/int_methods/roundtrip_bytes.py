for n in [0, 1, 255, 256, 65535, 2**31, 2**40 + 7]:
    b = n.to_bytes(8, 'little')
    print(n, int.from_bytes(b, 'little') == n)
for n in [-1, -128, -32768, -(2**40)]:
    b = n.to_bytes(8, 'big', signed=True)
    print(n, int.from_bytes(b, 'big', signed=True))
