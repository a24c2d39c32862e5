import asyncio


async def worker(name, log):
    try:
        for i in range(5):
            log.append((name, i))
            await asyncio.sleep(0.01)
        return name
    except asyncio.CancelledError:
        print(name, 'cancelled')
        raise


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('stubborn caught it')
    return 'finished anyway'


async def main():
    log = []
    t = asyncio.create_task(worker('w', log))
    await asyncio.sleep(0.025)
    print('cancel ->', t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('awaited cancelled task')
    print(log, t.done())
    print('cancel done ->', t.cancel())
    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    s.cancel()
    print(await s)
    # Cancelled before it ever ran.
    u = asyncio.create_task(worker('u', log))
    u.cancel()
    try:
        await u
    except asyncio.CancelledError:
        print('never started', log[-1])


asyncio.run(main())
