registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class A:
    pass
@register
class B:
    pass
print(registry, A.registered)
def add_method(cls):
    cls.hi = lambda self: 'hi from ' + type(self).__name__
    return cls
@add_method
class C:
    pass
print(C().hi())
