# async for over a class-based async iterator: __aiter__ once, then __anext__ (suspending each time) until StopAsyncIteration; the iterable expression is evaluated once
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


class Countdown:
    def __init__(self, start):
        print("Countdown created from", start)
        self.n = start

    def __aiter__(self):
        print("__aiter__")
        return self

    async def __anext__(self):
        print("__anext__ with n =", self.n)
        got = await Suspend("anext n=%d" % self.n)
        if self.n == 0:
            print("raising StopAsyncIteration")
            raise StopAsyncIteration
        self.n -= 1
        return (self.n + 1, got)


def make(start):
    print("evaluating iterable expression")
    return Countdown(start)


async def main():
    print("before loop")
    async for value in make(3):
        print("body", value)
    print("after loop")
    return "done"


run(main())
