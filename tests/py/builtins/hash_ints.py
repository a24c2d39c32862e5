print(hash(1) == hash(1), hash(0), hash(42), hash(-7))
print(hash(True) == hash(1), hash(False) == hash(0))
print(hash(None) == hash(None))
print(hash((1, 2)) == hash((1, 2)))
print(hash(1.0) == hash(1))
print(hash((1, (2, 3))) == hash((1, (2, 3))))
try:
    hash([1])
except TypeError as e:
    print("TypeError", e)
