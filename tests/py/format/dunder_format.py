class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == 'usd':
            return '$%.2f' % self.v
        return str(self.v)
m = Money(3.5)
print('{:usd}'.format(m), '{}'.format(m), format(m, 'usd'))
