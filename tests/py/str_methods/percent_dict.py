print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 7})
print('%(x)s %(x)r' % {'x': 'v'})
print('%(n)05.1f' % {'n': 3.14159})
