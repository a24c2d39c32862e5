print(repr(1), repr('a'), repr("it's"), repr('say "hi"'))
print(repr([1, 'a']), repr((1,)), repr(()), repr({}))
print(repr(None), repr(True), repr(1.5))
print(repr('tab\there'), repr('new\nline'), repr('back\\slash'))
print(repr(b'x'), repr("\x00"), repr('\x7f'))
class R:
    def __repr__(self):
        return 'R()'
print(repr(R()), [R()])
