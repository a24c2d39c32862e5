for ch in 'hi!':
    print(ch, ord(ch))
print(list('abc'), tuple('ab'))
print(sorted('hello', reverse=True))
