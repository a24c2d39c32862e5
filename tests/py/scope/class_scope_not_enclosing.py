class C:
    attr = 'class attr'
    def method(self):
        try:
            return attr
        except NameError as e:
            return 'NameError: ' + str(e)
    def method2(self):
        return self.attr
print(C().method())
print(C().method2())
