print(exec("1 + 1"))
g = {}
exec("import sys\nok = 'sys' in dir()", g)
print(g['ok'])
