s = 'hello world'
print(s[:5], s[6:], s[::-1], s[::2], s[-5:], s[3:3] == '')
print(s[1:-1], s[-1000:1000])
