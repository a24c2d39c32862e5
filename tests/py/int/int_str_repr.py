print(str(123), repr(-45), str(0))
print(hex(255), oct(8), bin(5), hex(-255), bin(-5))
print(hex(0), bin(0), oct(0))
