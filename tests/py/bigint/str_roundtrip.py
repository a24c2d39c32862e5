s = '31415926535897932384626433832795028841971'
n = int(s)
print(n, str(n) == s)
print(int('-' + s) + n)
print(hex(n))
print(int('ffffffffffffffffffffffffffffffff', 16))
