def outer():
    x = 0
    def inc():
        nonlocal x
        x += 1
        return x
    inc(); inc()
    return x, inc()
print(outer())
def a():
    v = 'a'
    def b():
        def c():
            nonlocal v
            v = 'c'
        c()
    b()
    return v
print(a())
