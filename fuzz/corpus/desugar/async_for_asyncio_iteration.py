# async for under an asyncio loop (run_until_complete): __anext__ awaits asyncio.sleep(0) and a future; two tasks iterate concurrently in a deterministic interleaving
import asyncio


class Ticker:
    def __init__(self, name, n):
        self.name = name
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return "%s%d" % (self.name, self.i)


class FromFutures:
    """Each step waits for a future resolved by call_soon."""

    def __init__(self, values):
        self.values = list(values)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.values:
            raise StopAsyncIteration
        loop = asyncio.get_event_loop()
        fut = loop.create_future()
        loop.call_soon(fut.set_result, self.values.pop(0))
        return await fut


async def consume(name, n, log):
    async for item in Ticker(name, n):
        log.append(item)
        print("task", name, "got", item)
    return name + " done"


async def main():
    log = []
    tasks = [asyncio.ensure_future(consume("a", 3, log)), asyncio.ensure_future(consume("b", 2, log))]
    print(await asyncio.gather(*tasks))
    print("log", log)
    async for v in FromFutures(["f1", "f2"]):
        print("from future", v)
    try:
        async for v in Ticker("t", 5):
            if v == "t2":
                raise ValueError("stop at " + v)
    except ValueError as e:
        print("caught", e)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    loop.run_until_complete(main())
finally:
    loop.close()
    asyncio.set_event_loop(None)
