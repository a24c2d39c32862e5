print('{}'.format(True), '{:d}'.format(True), '{:>6}'.format(True))
print('{:5}|'.format(False))
print(format(True, 'x'))
