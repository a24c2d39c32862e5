print('[{:{}}]'.format('ab', 6))
print('[{:{fill}{align}{width}}]'.format('x', fill='*', align='^', width=7))
print('[{0:.{1}f}]'.format(3.14159, 2))
print('[{:>{w}.{p}f}]'.format(2.5, w=8, p=3))
