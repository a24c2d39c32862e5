class AppError(ValueError):
    pass
class InputError(AppError):
    def __init__(self, field):
        super().__init__('bad field: ' + field)
        self.field = field
try:
    raise InputError('age')
except ValueError as e:
    print(type(e).__name__, e, e.field, isinstance(e, AppError))
print([k.__name__ for k in InputError.__mro__])
