# Three tasks interleaving with sleep_ms; the folder runs on a virtual
# clock (`_vt`), so the ticks_ms deltas are exact.
try:
    import asyncio
except ImportError:
    import uasyncio as asyncio
import time

t0 = time.ticks_ms()


def now():
    return time.ticks_diff(time.ticks_ms(), t0)


async def task(name, period, n):
    for i in range(n):
        print(name, i, now())
        await asyncio.sleep_ms(period)
    return name


async def main():
    a = asyncio.create_task(task('a', 10, 3))
    b = asyncio.create_task(task('b', 15, 3))
    r = await task('c', 7, 4)
    print(r, await a, await b, now())
    await asyncio.sleep(0.5)
    print('slept', now())
    await asyncio.sleep_ms(0)
    print('yielded', now())


asyncio.run(main())
print('end', now())
