def f():
    pass
class C:
    pass
for i in range(2):
    pass
if True:
    pass
print(f(), i, C.__name__)
