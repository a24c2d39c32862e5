class A:
    def __init__(self):
        self.__secret = 42
    def reveal(self):
        return self.__secret
a = A()
print(a.reveal(), a._A__secret)
try:
    a.__secret
except AttributeError as e:
    print(type(e).__name__)
