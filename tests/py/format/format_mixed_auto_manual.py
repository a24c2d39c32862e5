try:
    '{} {0}'.format(1)
except ValueError as e:
    print("ValueError", e)
try:
    '{0} {}'.format(1, 2)
except ValueError as e:
    print("ValueError", e)
