s = 'héllo wörld'
print(len(s), s[1], s[7], s[-4])
c = '中文字符'
print(len(c), c[0], c[-1], c[1:3])
e = 'a😀b'
print(len(e), e[1], e[2])
