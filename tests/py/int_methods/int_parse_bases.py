print(int('0x1f', 16), int('0X1F', 16), int('1f', 16))
print(int('0b101', 0), int('0o17', 0), int('0x10', 0), int('10', 0))
print(int('-0x10', 16), int('  +0b11 ', 2))
print(int('zz', 36), int('Zz', 36))
print(int('1_0', 0), int('0x_ff', 16), int('1_2_3'))
for bad in ['08', '0x', '1__0', '_1', '1_', '']:
    try:
        int(bad, 0)
    except ValueError as e:
        print("ValueError", e)
