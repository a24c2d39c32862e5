import sys
sys.print_exception(ValueError("boom"))
sys.print_exception(KeyError("k"), sys.stdout)
sys.print_exception(IndexError(), file=sys.stdout)
try:
    sys.print_exception(42)
except TypeError:
    print("TypeError")
