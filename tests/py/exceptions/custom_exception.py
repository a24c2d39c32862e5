class MyError(Exception):
    pass
class DetailedError(MyError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise DetailedError(404, 'not found')
except MyError as e:
    print(type(e).__name__, e, e.code, e.args)
    print(isinstance(e, Exception), isinstance(e, DetailedError))
