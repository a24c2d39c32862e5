try:
    raise OSError(2, 'No such file')
except OSError as e:
    print(e.args, e.errno)
e = StopIteration(7)
print(e.value)
e = SystemExit(3)
print(e.args)
