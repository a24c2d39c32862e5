try:
    'a' + 1
except TypeError as e:
    print("TypeError", e)
try:
    1 + 'a'
except TypeError as e:
    print("TypeError", e)
try:
    'a' * 'b'
except TypeError as e:
    print("TypeError", e)
