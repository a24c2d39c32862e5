try:
    '{:d}'.format('a')
except ValueError as e:
    print("ValueError", e)
try:
    '{} {}'.format(1)
except IndexError as e:
    print("IndexError", e)
try:
    '{x}'.format(y=1)
except KeyError as e:
    print("KeyError", e)
try:
    '{:d}'.format(1.5)
except ValueError as e:
    print("ValueError", e)
