import asyncio


async def slow(d, v):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print('slow', v, 'cancelled')
        raise
    return v


async def main():
    try:
        await asyncio.wait_for(slow(0.05, 1), 0.01)
    except asyncio.TimeoutError:
        print('timeout')
    print(await asyncio.wait_for(slow(0.01, 2), 0.1))
    print(await asyncio.wait_for(slow(0.01, 3), None))
    t = asyncio.create_task(slow(0.01, 4))
    print(await asyncio.wait_for(t, 1), t.done())


asyncio.run(main())
