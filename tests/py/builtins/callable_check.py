def f():
    pass
class C:
    def __call__(self):
        return 1
class D:
    pass
print(callable(f), callable(len), callable(C), callable(C()))
print(callable(D()), callable(1), callable("s"), callable(None))
print(callable(lambda: 0), callable([].append))
