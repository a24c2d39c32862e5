class E(Exception):
    def __str__(self):
        return 'custom str'
try:
    raise E('ignored')
except E as e:
    print(e, e.args)
class F(ValueError):
    def __init__(self, x):
        self.x = x
f = F(5)
print(f.x, f.args)
