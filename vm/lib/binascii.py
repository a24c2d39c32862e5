class Error(ValueError):
    pass


class Incomplete(Exception):
    pass
