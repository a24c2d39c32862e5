class Yield:
    def __await__(self):
        yield
async def fails():
    await Yield()
    raise ValueError('async boom')
async def main():
    try:
        await fails()
    except ValueError as e:
        return 'caught ' + str(e)
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value
print(run(main()))
try:
    run(fails())
except ValueError as e:
    print('propagated', e)
