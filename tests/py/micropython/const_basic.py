from micropython import const

X = const(123)
Y = const(2 * X + 1)
_PRIVATE = const(7)
print(X, Y, _PRIVATE)
print(X + Y)
