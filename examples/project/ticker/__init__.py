"""A small async library: a ticker that counts down, with a lock around
each tick. `unawait verify --pytest examples/project` runs its tests as
written and desugared."""

import asyncio


class Ticker:
    def __init__(self, start):
        self.start = start
        self.lock = asyncio.Lock()
        self.ticks = []

    async def __aenter__(self):
        self.ticks.append("open")
        return self

    async def __aexit__(self, *exc_info):
        self.ticks.append("closed")
        return False

    async def countdown(self):
        for n in range(self.start, 0, -1):
            async with self.lock:
                await asyncio.sleep(0)
                yield n


async def collect(start):
    async with Ticker(start) as ticker:
        numbers = [n async for n in ticker.countdown()]
    return numbers, ticker.ticks


async def first_even(start):
    async for n in Ticker(start).countdown():
        if n % 2 == 0:
            return n
    raise LookupError("no even number below {}".format(start))
