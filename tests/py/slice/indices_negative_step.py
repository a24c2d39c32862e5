print(slice(1, None, -1).indices(10), slice(None, None, -2).indices(7))
print(slice(5, 1, -2).indices(3), slice(-1, -10, -1).indices(4))
print(slice(None, 100, 3).indices(10))
try:
    slice(1).indices(-1)
except ValueError as e:
    print("ValueError", e)
try:
    slice(None, None, 0).indices(3)
except ValueError as e:
    print("ValueError", e)
