a = 5
print('big' if a > 3 else 'small')
print([x if x % 2 else -x for x in range(5)])
f = lambda n: 'even' if n % 2 == 0 else 'odd'
print(f(2), f(7))
print(1 if 0 else 2 if 0 else 3)
