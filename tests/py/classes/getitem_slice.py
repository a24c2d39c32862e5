class S:
    def __getitem__(self, i):
        return i
s = S()
print(s[1], s[1:3], s[::2], s[1, 2], s[...])
sl = s[1:5:2]
print(sl.start, sl.stop, sl.step)
