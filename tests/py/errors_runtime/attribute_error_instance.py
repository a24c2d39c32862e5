class Point:
    pass
try:
    Point().x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    None.attr
except AttributeError as e:
    print(type(e).__name__, e)
