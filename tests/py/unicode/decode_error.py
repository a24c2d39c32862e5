try:
    b'\xff\xfe'.decode('utf-8')
except UnicodeError as e:
    print('decode failed', isinstance(e, ValueError))
print(issubclass(UnicodeError, ValueError))
