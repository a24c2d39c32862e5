for x in range(-1, 2):
    print('neg' if x < 0 else 'zero' if x == 0 else 'pos')
y = (lambda: 1) if True else None
print(y())
print(1 if [] else 2, 'a' if 'b' else 'c')
