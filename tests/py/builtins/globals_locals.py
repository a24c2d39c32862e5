gx = 1
print('gx' in globals())
print('__name__' in globals())
def f(a):
    b = 2
    loc = locals()
    return 'a' in loc, 'b' in loc
print(f(1))
globals()['newvar'] = 99
print(newvar)
print(globals() is globals())
