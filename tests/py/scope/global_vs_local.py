x = 1
def read():
    return x
def write():
    x = 2
    return x
def write_global():
    global x
    x = 3
print(read(), write(), x)
write_global()
print(x)
