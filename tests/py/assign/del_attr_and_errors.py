class C:
    pass
o = C()
o.x = 5
del o.x
try:
    o.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del o.y
except AttributeError as e:
    print(type(e).__name__, e)
d = {}
try:
    del d['nope']
except KeyError as e:
    print(type(e).__name__, e)
lst = []
try:
    del lst[0]
except IndexError as e:
    print(type(e).__name__, e)
