class M:
    @staticmethod
    def s(*args):
        return args
    def inst(*args):
        return len(args)
print(M.s(1, 2), M().s(1, 2))
print(M().inst(1), M.inst(1))
