import micropython

print(micropython.const(5))
print(micropython.const("abc"))
print(micropython.const(2 + 3 * 4))
