# async for: StopIteration from the body or from a plain-def __anext__ is not a loop end; inside a coroutine it surfaces as RuntimeError('coroutine raised StopIteration')
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
            raise StopAsyncIteration
        self.i += 1
        return self.i


class PlainStopIteration:
    def __aiter__(self):
        return self

    def __anext__(self):
        print("plain __anext__ raising StopIteration")
        raise StopIteration("wrong exception")


class AsyncDefStopIteration:
    def __aiter__(self):
        return self

    async def __anext__(self):
        print("async __anext__ raising StopIteration")
        raise StopIteration("wrong exception in coroutine")


async def body_raises():
    async for x in AIter(3):
        print("body", x)
        if x == 2:
            raise StopIteration("from body")
    print("after loop (must not run)")


async def plain_anext():
    async for x in PlainStopIteration():
        print("body (unreachable)")
    print("after loop (must not run)")


async def async_anext():
    async for x in AsyncDefStopIteration():
        print("body (unreachable)")


async def catch_inside():
    try:
        async for x in PlainStopIteration():
            print("body (unreachable)")
    except StopIteration as e:
        print("caught inside the coroutine:", type(e).__name__, e)
    return "ok"


async def main():
    for f in (body_raises, plain_anext, async_anext):
        try:
            await f()
        except RuntimeError as e:
            print(f.__name__, "->", type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)
    print("catch_inside ->", await catch_inside())


run(main())
