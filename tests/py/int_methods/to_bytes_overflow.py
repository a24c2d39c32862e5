try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print("OverflowError", e)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print("OverflowError", e)
try:
    (128).to_bytes(1, 'big', signed=True)
except OverflowError as e:
    print("OverflowError", e)
