try:
    'hello'.index('z')
except ValueError as e:
    print(type(e).__name__, e)
