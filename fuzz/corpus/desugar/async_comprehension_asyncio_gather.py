# min-python: 3.7
# async comprehensions under asyncio.run: gather over a list of coroutines built by an async comprehension, awaiting tasks in a comprehension, a Queue-backed async iterator, and asyncio's async-generator finalization after an exception
class Suspend:
    """Awaitable that yields its label to the driver once and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


class Value:
    """Awaitable that yields its label to the driver once and then returns a fixed value."""

    def __init__(self, label, value):
        self.label = label
        self.value = value

    def __await__(self):
        yield self.label
        return self.value


def run(coro):
    """Drive a coroutine by hand, printing every suspension."""
    n = 0
    value = None
    try:
        while True:
            label = coro.send(value)
            n += 1
            value = "sent%d" % n
            print("  driver: suspended at", repr(label), "-> resume with", repr(value))
    except StopIteration as e:
        print("  driver: finished with", repr(e.value))
        return e.value


class AIter:
    """Async iterator over items: prints every protocol call and suspends once per __anext__."""

    def __init__(self, name, items):
        self.name = name
        self.items = list(items)
        self.i = 0

    def __aiter__(self):
        print("  %s.__aiter__" % self.name)
        return self

    async def __anext__(self):
        await Suspend("%s.anext%d" % (self.name, self.i))
        if self.i >= len(self.items):
            print("  %s exhausted" % self.name)
            raise StopAsyncIteration
        item = self.items[self.i]
        self.i += 1
        print("  %s -> %r" % (self.name, item))
        return item


import asyncio


async def numbers(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            print("  numbers yields", i)
            yield i
    finally:
        print("  numbers(%d) finally" % n)


async def work(i):
    print("  work", i, "start")
    for _ in range(i):
        await asyncio.sleep(0)
    print("  work", i, "done")
    return i * i


class QueueIter:
    def __init__(self, queue):
        self.queue = queue

    def __aiter__(self):
        return self

    async def __anext__(self):
        item = await self.queue.get()
        if item is None:
            raise StopAsyncIteration
        return item


async def feeder(queue, items):
    for item in items:
        print("  feeder puts", item)
        await queue.put(item)
        await asyncio.sleep(0)
    await queue.put(None)


KEEP = []


async def main():
    print("gather over an async comprehension of coroutines:")
    results = await asyncio.gather(*[work(i) async for i in numbers(3)])
    print("result", results)

    print("tasks created in an async comprehension, awaited in a comprehension:")
    tasks = [asyncio.ensure_future(work(i)) async for i in numbers(2)]
    print("  tasks created:", len(tasks))
    print("result", [await t for t in tasks])

    print("async comprehension over a queue filled concurrently:")
    queue = asyncio.Queue()
    feed = asyncio.ensure_future(feeder(queue, ["a", "b", "c"]))
    print("result", [item.upper() async for item in QueueIter(queue)])
    await feed

    print("gather of several async comprehensions:")

    async def squares(n):
        return [await work(i) async for i in numbers(n)]
    print("result", await asyncio.gather(squares(1), squares(2)))

    print("exception leaves an async generator unfinished (asyncio closes it):")
    outcome = None
    try:
        [1 // (i - 1) async for i in numbers(3)]
    except ZeroDivisionError as e:
        outcome = type(e).__name__
    for _ in range(3):
        await asyncio.sleep(0)
    print("  after a few loop iterations:", outcome)

    print("unfinished generator still referenced: closed at shutdown_asyncgens:")
    gen = numbers(5)
    KEEP.append(gen)
    print("result", [i async for i in gen if i < 1 or 1 // 0])
    return "main done"


try:
    print(asyncio.run(main()))
except ZeroDivisionError as e:
    print("asyncio.run raised ZeroDivisionError:", e)
print("after asyncio.run; kept generator finished:", KEEP[0].ag_frame is None)
