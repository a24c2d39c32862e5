# An exception class's own __str__ is what str(), f-strings and print use;
# it must return a str, as for any other class.
class Plain(Exception):
    def __str__(self):
        return "plain: " + str(self.args)


class Bad(Exception):
    def __str__(self):
        return 5


class Raising(Exception):
    def __str__(self):
        raise ValueError("no text")


print(str(Plain(1, 2)))
print(f"{Plain('x')}")
print(Plain())
for cls in (Bad, Raising):
    try:
        str(cls())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    raise Plain(3)
except Exception as e:
    print(e, e.args, repr(e))
