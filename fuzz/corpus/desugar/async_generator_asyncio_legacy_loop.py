# asyncio without asyncio.run: new_event_loop().run_until_complete, async for with an early break, and loop.shutdown_asyncgens() closing a generator left unfinished; when each finally runs relative to the other work is traced
import asyncio


async def ticker(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            print("  %s: yielding %d" % (name, i))
            yield i
        print("  %s: exhausted" % name)
    finally:
        print("  %s: finally starts" % name)
        await asyncio.sleep(0)
        print("  %s: finally done" % name)


async def other_work(tag, steps):
    for i in range(steps):
        print("  %s step %d" % (tag, i))
        await asyncio.sleep(0)


keep = []


async def kept_alive():
    g = ticker("kept", 10)
    keep.append(g)
    async for x in g:
        print("main: got", x)
        if x == 1:
            print("main: break (generator still referenced from a global)")
            break
    await other_work("work", 2)
    print("main: returning")
    return "kept_alive result"


async def dropped_at_break():
    async for x in ticker("dropped", 10):
        print("main: got", x)
        print("main: break (the generator is freed right away)")
        break
    await other_work("tick", 4)
    print("main: returning")
    return "dropped result"


async def exhausted():
    async for x in ticker("full", 2):
        print("main: got", x)
    await other_work("tick", 1)
    return "exhausted result"


async def local_until_return():
    g = ticker("local", 10)
    async for x in g:
        print("main: got", x, "- break, generator still in a local")
        break
    await other_work("tick", 1)
    print("main: returning (frees the generator)")
    return "local result"


for main in (kept_alive, dropped_at_break, exhausted, local_until_return):
    print("==", main.__name__)
    loop = asyncio.new_event_loop()
    print("result:", loop.run_until_complete(main()))
    print("run_until_complete returned; shutdown_asyncgens:")
    loop.run_until_complete(loop.shutdown_asyncgens())
    print("shutdown_asyncgens done")
    loop.close()
    del keep[:]
    print("loop closed")
