class Evens:
    def __contains__(self, x):
        print('check', x)
        return x % 2 == 0
e = Evens()
print(4 in e, 5 in e, 5 not in e)
