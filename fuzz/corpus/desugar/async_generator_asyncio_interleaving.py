# min-python: 3.7
# async generators consumed by concurrent asyncio tasks: awaits in generator bodies let other tasks run between items; a producer generator fed by a queue; futures resolved by call_soon; the interleaving is printed
import asyncio


async def slow_numbers(name, n, pause):
    for i in range(n):
        for _ in range(pause):
            await asyncio.sleep(0)
        print("  %s produces %d" % (name, i))
        yield "%s%d" % (name, i)
    print("  %s exhausted" % name)


async def consume(name, agen):
    got = []
    async for x in agen:
        print("  consumer %s got %s" % (name, x))
        got.append(x)
    return got


async def from_queue(queue):
    while True:
        item = await queue.get()
        if item is None:
            print("  from_queue: sentinel, stopping")
            return
        yield item * 10


async def feeder(queue):
    for i in range(3):
        print("  feeder puts", i)
        await queue.put(i)
        await asyncio.sleep(0)
    await queue.put(None)


async def resolved_later(loop):
    for i in range(2):
        fut = loop.create_future()
        loop.call_soon(fut.set_result, "future %d" % i)
        print("  resolved_later waits for future", i)
        value = await fut
        yield value


async def main():
    loop = asyncio.get_running_loop()
    print("== two generators consumed by concurrent tasks")
    results = await asyncio.gather(
        consume("A", slow_numbers("a", 3, 1)),
        consume("B", slow_numbers("b", 2, 2)),
    )
    print("results", results)

    print("== generator fed by a queue")
    queue = asyncio.Queue()
    feed = asyncio.ensure_future(feeder(queue))
    out = []
    async for v in from_queue(queue):
        print("  main got", v)
        out.append(v)
    await feed
    print("queue results", out)

    print("== generator awaiting futures resolved by call_soon")
    async for v in resolved_later(loop):
        print("  main got", v)
    return "main done"


print(asyncio.run(main()))
