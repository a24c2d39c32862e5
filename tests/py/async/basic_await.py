class Yield:
    def __await__(self):
        yield 'tick'
async def add(a, b):
    await Yield()
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return y
def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as e:
            return e.value, steps
print(run(main()))
