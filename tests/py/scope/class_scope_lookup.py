x = 'global x'
class C:
    x = 'class x'
    y = x
    def f():
        return x
print(C.y, C.f())
def func():
    x = 'func x'
    class D:
        z = x
    return D.z
print(func())
