print('before')
class C:
    print('in class body')
    x = 1
    y = x + 1
    def f(self):
        return C.y
print('after', C.x, C.y, C().f())
