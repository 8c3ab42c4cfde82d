# min-python: 3.10
# async with contextlib.nullcontext(value) and contextlib.aclosing(obj) (class-based object with aclose): results, exceptions, aclose on exit
import asyncio
import contextlib


class Closable:
    def __init__(self, name):
        self.name = name

    async def aclose(self):
        await asyncio.sleep(0)
        print("aclose", self.name)


async def main():
    async with contextlib.nullcontext("null value") as v:
        print("nullcontext body", v)
    async with contextlib.nullcontext() as v:
        print("nullcontext default", v)
    try:
        async with contextlib.nullcontext(1):
            raise ValueError("not suppressed by nullcontext")
    except ValueError as e:
        print("caught", e)

    async with contextlib.aclosing(Closable("c1")) as c:
        print("aclosing body", c.name)
    try:
        async with contextlib.aclosing(Closable("c2")):
            raise KeyError("aclose still runs")
    except KeyError as e:
        print("caught", type(e).__name__, e)


asyncio.run(main())
