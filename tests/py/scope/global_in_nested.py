v = 'g'
def a():
    v = 'a'
    def b():
        global v
        v = 'set by b'
    b()
    return v
print(a(), v)
