class Yield:
    def __await__(self):
        yield
class ACM:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print('aenter', self.name)
        await Yield()
        return self.name * 2
    async def __aexit__(self, et, ev, tb):
        print('aexit', self.name, et.__name__ if et else None)
        return et is ValueError
async def main():
    async with ACM('a') as v:
        print('body', v)
    async with ACM('b'):
        raise ValueError('suppressed')
    print('after')
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value
run(main())
