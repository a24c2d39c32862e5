try:
    [][0]
except:
    print('bare except caught')
def f():
    try:
        raise ValueError('v')
    except:
        raise
try:
    f()
except ValueError as e:
    print('re-raised', e)
