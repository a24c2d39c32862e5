import sys
print('to stdout', file=sys.stdout)
print('a', 'b', sep='+', file=sys.stdout)
