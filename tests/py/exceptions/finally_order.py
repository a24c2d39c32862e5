def f():
    try:
        print('try')
        return 1
    except Exception:
        print('except')
    else:
        print('else not run on return')
    finally:
        print('finally')
print(f())
def g():
    try:
        print('try')
    except Exception:
        print('except')
    else:
        print('else')
        return 'from else'
    finally:
        print('finally')
print(g())
