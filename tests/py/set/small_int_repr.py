print({5})
print(set(), frozenset())
print(repr({7}), repr(frozenset([8])))
