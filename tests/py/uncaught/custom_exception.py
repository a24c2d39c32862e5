class Boom(Exception):
    pass
def f():
    print('in f')
    raise Boom('exploded')
print('start')
f()
print('not reached')
