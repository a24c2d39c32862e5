print(bool(0), bool(1), bool(-1), bool(100))
print(int(True) + int(False))
print(sum([True, True, False, True]))
print(isinstance(True, int), issubclass(bool, int))
