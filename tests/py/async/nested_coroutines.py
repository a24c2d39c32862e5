class Yield:
    def __await__(self):
        yield
async def leaf(n):
    await Yield()
    return n * n
async def mid(n):
    total = 0
    for i in range(n):
        total += await leaf(i)
    return total
async def top():
    return [await mid(k) for k in range(4)]
def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as e:
            return e.value, steps
print(run(top()))
