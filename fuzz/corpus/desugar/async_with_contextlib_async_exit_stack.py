# min-python: 3.7
# async with contextlib.AsyncExitStack: entering managers inside the stack, callbacks, unwinding order, suppression by an inner manager, pop_all
import asyncio
import contextlib


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("aenter", self.name)
        await asyncio.sleep(0)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress


async def callback(tag):
    print("async callback", tag)


async def main():
    async with contextlib.AsyncExitStack() as stack:
        a = await stack.enter_async_context(Manager("a"))
        stack.push_async_callback(callback, "after a")
        b = await stack.enter_async_context(Manager("b"))
        print("body", a, b)

    async with contextlib.AsyncExitStack() as stack:
        await stack.enter_async_context(Manager("outer", suppress=True))
        await stack.enter_async_context(Manager("inner"))
        raise ValueError("unwound through the stack")
    print("suppressed by outer")

    async with contextlib.AsyncExitStack() as stack:
        await stack.enter_async_context(Manager("kept"))
        moved = stack.pop_all()
    print("stack exited, moved stack still open")
    async with moved:
        print("now closing moved stack")

    try:
        async with contextlib.AsyncExitStack() as stack:
            await stack.enter_async_context(Manager("x"))
            raise KeyError("escapes")
    except KeyError as e:
        print("caught", type(e).__name__, e)


asyncio.run(main())
