class Yield:
    def __await__(self):
        yield
async def worker(name, n):
    for i in range(n):
        print(name, i)
        await Yield()
    return name + ' done'
def run_all(coros):
    results = {}
    queue = list(enumerate(coros))
    while queue:
        idx, c = queue.pop(0)
        try:
            c.send(None)
            queue.append((idx, c))
        except StopIteration as e:
            results[idx] = e.value
    return [results[i] for i in sorted(results)]
print(run_all([worker('A', 2), worker('B', 3), worker('C', 1)]))
