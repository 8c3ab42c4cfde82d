"""Async generators (PEP 525): yield inside async def, asend, athrow, aclose."""
import asyncio


async def ticks(limit):
    """Yields 0, 1, ... and says when it is closed early."""
    try:
        for n in range(limit):
            await asyncio.sleep(0)
            received = yield n
            if received is not None:
                print("received", received)
    finally:
        print("ticks closed")


async def main():
    async for n in ticks(3):
        print("tick", n)

    gen = ticks(10)
    print("first", await gen.__anext__())
    print("asend gives", await gen.asend("hello"))
    try:
        await gen.athrow(ValueError("stop"))
    except ValueError as error:
        print("athrow raised", repr(error))
    await gen.aclose()


asyncio.get_event_loop_policy().new_event_loop().run_until_complete(main())
