class T:
    def __init__(self, s): self.s = s
    def __add__(self, o): return T('(' + self.s + '+' + o.s + ')')
    def __mul__(self, o): return T('(' + self.s + '*' + o.s + ')')
    def __pow__(self, o): return T('(' + self.s + '**' + o.s + ')')
a, b, c = T('a'), T('b'), T('c')
print((a + b * c).s, (a * b + c).s, (a ** b ** c).s)
