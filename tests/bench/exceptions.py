# Exceptions raised and caught: builtin and user classes, finally, re-raise.
N = 200000


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def check(i):
    if i % 3 == 0:
        raise ValueError(i)
    if i % 3 == 1:
        raise AppError(i)
    return i


def nested(i):
    try:
        try:
            return check(i)
        finally:
            pass
    except ValueError:
        raise KeyError(i)


def main(n):
    total = 0
    finals = 0
    for i in range(n):
        try:
            total += check(i)
        except ValueError as e:
            total += e.args[0] * 2
        except AppError as e:
            total += e.code * 3
        try:
            nested(i)
        except KeyError:
            total += 1
        except Exception:
            total -= 1
        finally:
            finals += 1
    d = {}
    for i in range(n):
        try:
            d[i % 100] += 1
        except KeyError:
            d[i % 100] = 1
    return total, finals, len(d)


print(main(N))
