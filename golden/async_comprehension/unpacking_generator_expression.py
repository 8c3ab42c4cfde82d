# min-python: 3.15
# PEP 798 unpacking in asynchronous generator expressions: (*x async for x in ...) yields each item of each x (values sent in are not passed on, as CPython 3.15 compiles it as a loop, not yield from); laziness, aclose midway, a sync generator expression holding an async one
import asyncio


class Ticker:
    """Async iterator over items, printing each protocol call."""

    def __init__(self, name, items):
        self.name = name
        self.items = list(items)

    def __aiter__(self):
        print("  %s.__aiter__" % self.name)
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if not self.items:
            print("  %s.__anext__ -> stop" % self.name)
            raise StopAsyncIteration
        item = self.items.pop(0)
        print("  %s.__anext__ -> %r" % (self.name, item))
        return item


def echo(items):
    """A generator that prints what is sent into it."""
    for item in items:
        sent = yield item
        print("  echo got", repr(sent))


async def main():
    flat = (*x async for x in Ticker("G", [[1, 2], (), "ab"]))
    print("created; nothing iterated yet")
    print("flat:", [item async for item in flat])

    gen = (*echo(x) async for x in Ticker("E", [[1, 2], [3]]))
    print("first:", await gen.asend(None))
    print("second:", await gen.asend("hello"))
    print("third:", await gen.asend("world"))
    await gen.aclose()
    print("closed:", [item async for item in gen])

    awaited = (*await asyncio.sleep(0, x) async for x in Ticker("W", [[1], [2, 3]]))
    print("await in element:", [item async for item in awaited])

    pairs = (*(n, (a async for a in Ticker("in%d" % n, [n]))) for n in range(2))
    for item in pairs:
        if isinstance(item, int):
            print("number:", item)
        else:
            print("async generator:", type(item).__name__, [a async for a in item])


asyncio.run(main())
