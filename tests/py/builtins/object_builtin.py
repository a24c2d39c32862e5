o = object()
print(type(o).__name__)
print(o == o, o != object())
print(isinstance(o, object), isinstance(5, object))
try:
    o.x = 1
except AttributeError:
    print("AttributeError")
