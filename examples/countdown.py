"""A small asyncio program using every construct unawait rewrites."""
import asyncio


class Ticker:
    """An asynchronous iterator: counts down, sleeping between steps."""

    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.current -= 1
        return self.current + 1


class Announcer:
    """An asynchronous context manager."""

    async def __aenter__(self):
        print("starting")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("finished" if exc_type is None else "failed: %s" % exc)


async def countdown(start):
    async with Announcer():
        async for n in Ticker(start):
            print(n)
    return "liftoff"


print(asyncio.get_event_loop_policy().new_event_loop().run_until_complete(countdown(3)))
