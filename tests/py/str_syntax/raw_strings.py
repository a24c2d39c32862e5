print(r'\n\t\\', R"\x41")
print(len(r'\n'), len('\n'))
print(r'C:\dir\file')
print(r'\'', len(r'\''))
