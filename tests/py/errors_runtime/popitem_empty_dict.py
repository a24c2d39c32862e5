try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
