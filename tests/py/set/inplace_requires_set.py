x = {1, 2}
y = x
x |= {3}
x &= {1, 3, 5}
x -= {5}
x ^= {7}
print(sorted(x), x is y)
for op in ['|=', '&=', '-=', '^=']:
    z = {1}
    try:
        exec('z ' + op + ' [2]')
    except TypeError as e:
        print(op, "TypeError")
q = set(range(5))
q.intersection_update([1, 2], range(2, 9))
print(q)
q.difference_update()
q.update([9], {8}, (7,))
print(sorted(q), q.isdisjoint([]), q.issuperset([]), set().issubset(set()))
