def a():
    return b()
def b():
    return undefined_name
print('calling')
a()
