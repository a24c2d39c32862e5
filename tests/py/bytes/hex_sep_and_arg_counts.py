for sep in [None, '', '-', 'é', 'ab', b':', b'', b'\xff', b'ab', 3]:
    for per in [1, 2, -2, 0, 5]:
        try:
            print(repr(sep), per, b'\x01\x02\xab\xcd\xef'.hex(sep, per) if sep is not None else b'\x01\x02\xab'.hex())
        except Exception as e:
            print(repr(sep), per, type(e).__name__, e)
for call in ["'a'.find()", "'a'.find(1,2,3,4)", "'a'.count()", "'a'.startswith()", "'a'.index('a',1,2,3)", "b'a'.find()", "'a'.replace('a')", "'a'.strip(1,2)", "'a'.center()", "'a'.center(1,2,3)", "'a'.zfill()", "'a'.ljust(1,' ',3)", "b'a'.center()", "'a'.splitlines(1,2)", "b'a'.join()","'a'.partition()", "'a'.expandtabs(1,2)", "b'a'.count(1,2,3,4)"]:
    try:
        print(eval(call))
    except Exception as e:
        print(call, type(e).__name__, e)
