try:
    ord('ab')
except TypeError as e:
    print("TypeError", e)
try:
    ord('')
except TypeError as e:
    print("TypeError", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError", e)
