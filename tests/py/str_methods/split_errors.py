try:
    'abc'.split('')
except ValueError as e:
    print("ValueError", e)
try:
    'abc'.split(1)
except TypeError:
    print("TypeError")
