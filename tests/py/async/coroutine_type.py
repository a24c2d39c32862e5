async def f():
    return 42
c = f()
print('created, not yet run')
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)
