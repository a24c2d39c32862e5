print([[x for x in range(y)] for y in range(4)])
print([x for x in [x for x in range(5)] if x > 2])
