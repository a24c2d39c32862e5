def g():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
gen = g()
print(next(gen))
gen.close()
print('closed')
try:
    next(gen)
except StopIteration:
    print('StopIteration after close')
gen2 = g()
gen2.close()
print('close unstarted ok')
