# async for: StopAsyncIteration raised in the BODY (or by code the body awaits) is not a loop end: it propagates; the last one is uncaught
class Suspend:
    """Awaitable that yields its label to the driver once and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


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
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend("anext %d" % self.i)
        if self.i >= self.n:
            raise StopAsyncIteration("natural end")
        self.i += 1
        return self.i


async def helper():
    await Suspend("helper")
    raise StopAsyncIteration("from awaited helper")


async def main():
    try:
        async for x in AIter(5):
            print("body", x)
            if x == 2:
                raise StopAsyncIteration("raised in body")
        else:
            print("else (must not run)")
        print("after loop (must not run)")
    except StopAsyncIteration as e:
        print("caught", type(e).__name__, e)

    try:
        async for x in AIter(5):
            print("body", x)
            await helper()
    except StopAsyncIteration as e:
        print("caught", type(e).__name__, e)

    it = AIter(3)
    async for x in it:
        print("body", x)
        async for y in AIter(1):
            pass
        print("inner loop ended normally, outer continues")
        if x == 3:
            print("explicitly calling __anext__ on the exhausted outer iterator in the body")
            await it.__anext__()
    print("unreachable")


run(main())
