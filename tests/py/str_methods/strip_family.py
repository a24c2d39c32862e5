s = '  \t hello \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'xxhixx'.lstrip('x'), 'xxhixx'.rstrip('x'))
print('abcHELLOcba'.strip('abc'))
print(repr(''.strip()), repr('   '.strip()))
print('www.example.com'.strip('cmowz.'))
print('hello'.strip(''), 'hello'.strip(None))
