# awaiting asyncio futures: results and exceptions set by callbacks, already-done futures awaited twice, and a hand-driven future
import asyncio


async def main(loop):
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "result via call_soon")
    print("1", await fut)
    print("2 awaiting done future again", await fut)

    bad = loop.create_future()
    loop.call_soon(bad.set_exception, KeyError("future failed"))
    try:
        await bad
    except KeyError as e:
        print("3", type(e).__name__, e)

    done = loop.create_future()
    done.set_result(5)
    print("4 already done", await done)

    cancelled = loop.create_future()
    loop.call_soon(cancelled.cancel)
    try:
        await cancelled
    except asyncio.CancelledError as e:
        print("5", type(e).__name__)

    task = asyncio.ensure_future(helper())
    print("6 task", await task, await task)

    f2 = asyncio.Future(loop=loop)
    loop.call_soon(f2.set_result, [1, 2])
    a, b = await f2
    print("7 unpacked", a, b)
    return "main done"


async def helper():
    await asyncio.sleep(0)
    return "helper"


def drive_by_hand():
    loop = asyncio.new_event_loop()
    fut = asyncio.Future(loop=loop)

    async def waiter():
        print("waiter awaiting future")
        r = await fut
        print("waiter got", r)
        return r * 2

    coro = waiter()
    yielded = coro.send(None)
    print("yielded the future itself:", yielded is fut)
    fut.set_result(21)
    try:
        coro.send(None)
    except StopIteration as e:
        print("hand-driven result", e.value)

    fut2 = asyncio.Future(loop=loop)

    async def waiter2():
        return await fut2

    coro = waiter2()
    coro.send(None)
    try:
        coro.send(None)
    except (RuntimeError, AssertionError) as e:
        # RuntimeError on 3.7+, AssertionError on 3.6
        print("resumed before future done:", type(e).__name__, e)
    loop.close()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    print(loop.run_until_complete(main(loop)))
finally:
    loop.close()
    asyncio.set_event_loop(None)
drive_by_hand()
