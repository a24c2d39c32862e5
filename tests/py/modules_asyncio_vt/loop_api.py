# MicroPython-only parts: the loop object, ThreadSafeFlag, wait_for_ms,
# current_task; timings are exact on the virtual clock.
import uasyncio as asyncio
import time

t0 = time.ticks_ms()


def now():
    return time.ticks_diff(time.ticks_ms(), t0)


async def ticker(n):
    for i in range(n):
        print('tick', i, now())
        await asyncio.sleep_ms(10)
    return n


async def stopper(loop, ms):
    await asyncio.sleep_ms(ms)
    print('stopping', now())
    loop.stop()


loop = asyncio.get_event_loop()
print(loop is asyncio.get_event_loop())
print(loop.run_until_complete(ticker(2)))
loop.create_task(ticker(10))
loop.create_task(stopper(loop, 25))
loop.run_forever()
print('after run_forever', now())
loop = asyncio.new_event_loop()
loop.close()

try:
    asyncio.current_task()
except RuntimeError as e:
    print('RuntimeError:', e)


async def flag_main():
    me = asyncio.current_task()
    print(type(me).__name__, me is asyncio.current_task())
    flag = asyncio.ThreadSafeFlag()

    async def waiter():
        await flag.wait()
        print('flag wait 1 done', now())
        await flag.wait()
        print('flag wait 2 done', now())

    w = asyncio.create_task(waiter())
    await asyncio.sleep_ms(5)
    flag.set()
    await asyncio.sleep_ms(5)
    flag.set()
    await w
    flag.set()
    flag.clear()
    try:
        await asyncio.wait_for_ms(flag.wait(), 20)
    except asyncio.TimeoutError:
        print('flag timeout', now())
    print(await asyncio.wait_for_ms(ticker(1), 50))


t0 = time.ticks_ms()
asyncio.run(flag_main())
try:
    asyncio.create_task(42)
except TypeError as e:
    print('TypeError:', e)
