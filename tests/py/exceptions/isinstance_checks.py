e = ZeroDivisionError('x')
print(isinstance(e, ArithmeticError), isinstance(e, Exception), isinstance(e, LookupError))
print(type(e) is ZeroDivisionError, type(e).__name__)
print(ZeroDivisionError.__name__, issubclass(ZeroDivisionError, (KeyError, ArithmeticError)))
