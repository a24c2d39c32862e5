s = 'abcdefgh'
print(s[2:5], s[:3], s[5:], s[-3:], s[::2], s[::-1], s[6:1:-2])
print(s[100:], s[-100:2], repr(s[5:2]))
print(s[3], s[-1])
