s = 'h\u00e9llo \u20ac!'
print(len(s), s[1], s[-2], s[::-1])
print(s.find('\u20ac'), s.index('!'))
print([ord(c) for c in s[:3]])
