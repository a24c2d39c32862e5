# The example: two blinking "LEDs" (printed instead of pins).
import uasyncio as asyncio
import time

t0 = time.ticks_ms()


class Led:
    def __init__(self, name):
        self.name = name
        self.on = False

    def toggle(self):
        self.on = not self.on
        print(time.ticks_diff(time.ticks_ms(), t0), self.name, 'on' if self.on else 'off')


async def blink(led, period_ms):
    while True:
        led.toggle()
        await asyncio.sleep_ms(period_ms)


async def main(led1, led2):
    asyncio.create_task(blink(led1, 700))
    asyncio.create_task(blink(led2, 400))
    await asyncio.sleep_ms(2000)


asyncio.run(main(Led('led1'), Led('led2')))
