class Yield:
    def __await__(self):
        yield
async def producer(items, out):
    for it in items:
        out.append(it)
        await Yield()
async def consumer(src, got, n):
    while len(got) < n:
        if src:
            got.append(src.pop(0) * 10)
        await Yield()
buf, got = [], []
tasks = [producer([1, 2, 3], buf), consumer(buf, got, 3)]
while tasks:
    for t in list(tasks):
        try:
            t.send(None)
        except StopIteration:
            tasks.remove(t)
print(got)
