try:
    '%d' % 'a'
except TypeError as e:
    print("TypeError", e)
try:
    '%s %s' % ('a',)
except TypeError as e:
    print("TypeError", e)
try:
    '%s' % ('a', 'b')
except TypeError as e:
    print("TypeError", e)
