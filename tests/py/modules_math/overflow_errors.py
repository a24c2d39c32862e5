import math
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError", e)
try:
    math.pow(10, 400)
except OverflowError as e:
    print("OverflowError", e)
try:
    math.ceil(float('inf'))
except OverflowError as e:
    print("OverflowError", e)
try:
    math.floor(float('nan'))
except ValueError as e:
    print("ValueError", e)
