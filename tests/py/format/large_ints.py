n = 2**100
print('{:,}'.format(n))
print('{:x}'.format(n), '{:o}'.format(n))
print('{:>40}'.format(n))
print('{:e}'.format(n))
