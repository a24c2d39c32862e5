print(int('42'), int('-17'), int('  9  '), int('+3'))
print(int('ff', 16), int('0xff', 16), int('0xff', 0), int('777', 8), int('101', 2))
print(int('z', 36), int('1_000'), int('0b11', 0), int('0o17', 0))
print(int(3.9), int(-3.9), int(True))
