import asyncio


async def main():
    ev = asyncio.Event()

    async def waiter(i):
        print('waiter', i, 'waiting', ev.is_set())
        r = await ev.wait()
        print('waiter', i, 'woke', ev.is_set(), r)

    async def setter():
        await asyncio.sleep(0.01)
        print('setting')
        ev.set()

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.gather(setter(), *ws)
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())

    lock = asyncio.Lock()

    async def locker(i):
        async with lock:
            print('lock', i, 'in', lock.locked())
            await asyncio.sleep(0.005)
            print('lock', i, 'out')

    await asyncio.gather(*[locker(i) for i in range(3)])
    print(lock.locked())
    print(await lock.acquire(), lock.locked())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError:
        print('RuntimeError')


asyncio.run(main())
