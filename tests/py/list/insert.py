a = [1, 2, 3]
a.insert(0, 'first')
a.insert(2, 'mid')
a.insert(100, 'end')
a.insert(-1, 'before_end')
a.insert(-100, 'very_first')
print(a)
b = []
b.insert(5, 'x')
print(b)
