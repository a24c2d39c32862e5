n = 255
print('{:d} {:b} {:o} {:x} {:X}'.format(n, n, n, n, n))
print('{:#b} {:#o} {:#x} {:#X}'.format(n, n, n, n))
print('{:c}'.format(65))
print('{:d}'.format(-42), '{:x}'.format(-255), '{:#x}'.format(-255))
print(format(10, 'b'), format(10, '08b'), format(10, '#010b'))
print('{:n}'.format(1234567))
