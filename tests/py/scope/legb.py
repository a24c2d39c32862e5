x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        x = 'local'
        return x
    def inner2():
        return x
    return inner(), inner2()
print(outer())
def uses_builtin():
    return len('abc')
print(uses_builtin())
def shadow_builtin():
    len = lambda s: 'shadowed'
    return len('abc')
print(shadow_builtin(), len('abc'))
