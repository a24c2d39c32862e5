try:
    [1, 2].remove(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    {1}.remove(3)
except KeyError as e:
    print(type(e).__name__, e)
