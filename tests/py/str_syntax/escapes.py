print('tab:\there')
print('nl:[\n]')
print('backslash: \\ quote: \' dq: \"')
print('\x41\x42\u00e9\u4e2d\U0001F600'.encode('utf-8'))
print('\101\102\0end'.encode())
print(len('\n\t\\'), len('\x00'))
print('a\
b')
