try:
    'abc'.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (5).foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    [].nope()
except AttributeError as e:
    print(type(e).__name__, e)
