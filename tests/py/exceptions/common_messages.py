def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
five = 5
none = None
show(lambda: [1, 2][5])
show(lambda: (1,)[3])
show(lambda: 'ab'[9])
show(lambda: five[0])
show(lambda: none[0])
show(lambda: undefined_name)
show(lambda: [].pop())
show(lambda: {}.popitem())
show(lambda: [1].index(2))
show(lambda: int('abc'))
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: none.foo)
show(lambda: five.foo)
show(lambda: 'x'.nope())
show(lambda: len(5))
show(lambda: {}[[1]])
show(lambda: none())
