def none():
    pass
def empty_return():
    return
def multi():
    return 1, 2
print(none(), empty_return(), multi())
a, b = multi()
print(a + b)
