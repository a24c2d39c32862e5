import micropython

micropython.opt_level(0)
print(micropython.opt_level())
try:
    exec("assert False, 'checked'")
except AssertionError as e:
    print("AssertionError", e)
micropython.opt_level(1)
print(micropython.opt_level())
exec("assert False\nprint('assert skipped')")
exec("print(__debug__)")
micropython.opt_level(0)
exec("print(__debug__)")
