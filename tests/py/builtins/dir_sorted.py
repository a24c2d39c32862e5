class A:
    cls_attr = 1
    def m(self):
        pass
class B(A):
    pass
b = B()
b.inst = 2
print([n for n in dir(b) if n[:2] != '__'])
print([n for n in dir(B) if n[:2] != '__'])
def scope():
    local1 = 1
    local2 = 2
    return dir()
print(scope())
class WithDir:
    def __dir__(self):
        return ['z', 'a']
print(dir(WithDir()))
print('append' in dir([]), 'keys' in dir({}), 'bit_length' in dir(1), 'is_integer' in dir(1.0))
d = dir(b)
print(d == sorted(d), '__class__' in d)
try:
    dir(1, 2)
except TypeError as e:
    print("TypeError", e)
