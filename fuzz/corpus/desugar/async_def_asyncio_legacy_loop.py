# coroutines run by an asyncio event loop via run_until_complete (no asyncio.run): ensure_future, gather, sleep(0) interleaving
import asyncio


async def worker(name, steps):
    for i in range(steps):
        print(name, "step", i)
        await asyncio.sleep(0)
    print(name, "done")
    return name.upper()


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def main():
    print("main start")
    t1 = asyncio.ensure_future(worker("a", 3))
    t2 = asyncio.ensure_future(worker("b", 2))
    print("tasks created, not started yet")
    await asyncio.sleep(0)
    print("main resumed after one tick")
    results = await asyncio.gather(t1, t2, worker("c", 1))
    print("gather results", results)
    print("sum", await add(2, 3))
    return "main result"


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    print("returned", loop.run_until_complete(main()))
    print("again", loop.run_until_complete(add(10, 20)))
finally:
    loop.close()
    asyncio.set_event_loop(None)
