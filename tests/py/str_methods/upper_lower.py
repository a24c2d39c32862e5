print('Hello World 123'.upper(), 'Hello World 123'.lower())
print(''.upper(), 'ABC'.lower(), 'abc'.upper())
print('MiXeD_Case-9'.swapcase())
