class Yield:
    def __await__(self):
        yield 'suspended'
async def task():
    try:
        await Yield()
    except KeyError as e:
        print('task caught', repr(e))
        return 'handled'
c = task()
print(c.send(None))
try:
    c.throw(KeyError('k'))
except StopIteration as e:
    print(e.value)
c2 = task()
c2.send(None)
c2.close()
print('closed')
