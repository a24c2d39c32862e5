import asyncio


async def val(d, v):
    await asyncio.sleep(d)
    return v


async def fails(d):
    await asyncio.sleep(d)
    raise ValueError('boom')


async def main():
    print(await asyncio.gather(val(0.02, 'a'), val(0.01, 'b'), val(0, 'c')))
    print(await asyncio.gather())
    r = await asyncio.gather(fails(0.001), val(0.01, 'x'), return_exceptions=True)
    print(repr(r[0]), r[1])
    try:
        await asyncio.gather(fails(0.001), val(0.01, 'y'))
    except ValueError as e:
        print('gather raised', e)
    t = asyncio.create_task(val(0.01, 't'))
    print(await asyncio.gather(t, val(0.005, 'u')))


asyncio.run(main())
