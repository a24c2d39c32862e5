for op in ('//', '%', '/'):
    try:
        eval('1 ' + op + ' 0')
    except ZeroDivisionError as e:
        print(op, type(e).__name__, e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print('divmod', e)
