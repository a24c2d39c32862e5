import micropython

s = micropython.stack_use()
print(isinstance(s, int), s >= 0)
