# min-python: 3.7
# asyncio.run with async generators left unfinished: one kept alive until shutdown_asyncgens, one freed at break (closed by the loop's finalizer hook while main keeps working), one freed when main returns, one iterated by a task that asyncio.run cancels; traces when each finally runs
import asyncio


async def ticker(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            print("  %s: yielding %d" % (name, i))
            yield i
    except asyncio.CancelledError:
        print("  %s: CancelledError raised inside the generator" % name)
        raise
    finally:
        print("  %s: finally starts" % name)
        await asyncio.sleep(0)
        print("  %s: finally done" % name)


async def work(tag, steps):
    for i in range(steps):
        print("  %s %d" % (tag, i))
        await asyncio.sleep(0)


keep = []


async def kept_alive():
    g = ticker("kept", 10)
    keep.append(g)
    async for x in g:
        print("main: got", x)
        if x == 1:
            print("main: break")
            break
    await work("work", 2)
    print("main: returning")
    return "kept result"


async def dropped_at_break():
    async for x in ticker("dropped", 10):
        print("main: got", x, "- break")
        break
    await work("tick", 4)
    print("main: returning")
    return "dropped result"


async def local_until_return():
    g = ticker("local", 10)
    async for x in g:
        print("main: got", x, "- break, generator still in a local")
        break
    await work("tick", 1)
    print("main: returning (frees the generator)")
    return "local result"


async def background_consumer():
    try:
        async for x in ticker("background", 100):
            print("  background got", x)
    finally:
        print("  background task: finally (cancelled at shutdown)")


async def pending_task():
    t = asyncio.ensure_future(background_consumer())
    await work("main", 3)
    print("main: returning while the background task is still iterating")
    return "pending result"


for main in (kept_alive, dropped_at_break, local_until_return, pending_task):
    print("==", main.__name__)
    print("result:", asyncio.run(main()))
    del keep[:]
    print("asyncio.run returned")
