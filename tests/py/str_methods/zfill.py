print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5))
print('abc'.zfill(6), '12345'.zfill(3), ''.zfill(3))
print('-'.zfill(3))
