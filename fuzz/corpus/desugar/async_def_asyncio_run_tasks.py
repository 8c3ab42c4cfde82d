# min-python: 3.7
# asyncio.run with create_task, gather (ordering and return_exceptions), wait_for (success and timeout) and cancellation
import asyncio


async def worker(name, steps):
    try:
        for i in range(steps):
            print(name, "step", i)
            await asyncio.sleep(0)
        print(name, "done")
        return name * 2
    finally:
        print(name, "finally")


async def failing(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def sleeper():
    try:
        await asyncio.sleep(10)
        print("sleeper woke?!")
    except asyncio.CancelledError:
        print("sleeper cancelled")
        raise
    finally:
        print("sleeper finally")


async def main():
    print("main start")
    t1 = asyncio.create_task(worker("a", 2))
    t2 = asyncio.create_task(worker("b", 1))
    print("tasks created", t1.done(), t2.done())
    r = await asyncio.gather(t2, t1, worker("c", 1))
    print("gather", r)

    r = await asyncio.gather(worker("d", 1), failing("bad"), return_exceptions=True)
    print("gather with exceptions", [(type(x).__name__, str(x)) for x in r])

    try:
        await asyncio.gather(failing("first"), worker("e", 3))
    except ValueError as e:
        print("gather raised", type(e).__name__, e)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    print("wait_for ok", await asyncio.wait_for(worker("f", 1), timeout=5))
    try:
        await asyncio.wait_for(sleeper(), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("wait_for timed out", type(e).__name__)

    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting cancelled task raised", type(e).__name__)
    print("cancelled?", t.cancelled())
    return "main result"


print("asyncio.run returned", asyncio.run(main()))
