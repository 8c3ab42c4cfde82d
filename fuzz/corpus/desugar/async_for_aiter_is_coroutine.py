# min-python: 3.7
# async for when __aiter__ is mistakenly `async def` (returns a coroutine): TypeError (printed); the never-awaited coroutine warning is silenced to keep stderr clean
import warnings
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

warnings.simplefilter("ignore", RuntimeWarning)


class AsyncAiter:
    async def __aiter__(self):
        print("async __aiter__ body (must not run)")
        return self

    async def __anext__(self):
        raise StopAsyncIteration


async def main():
    try:
        async for x in AsyncAiter():
            print("body (unreachable)")
    except TypeError as e:
        print("caught", type(e).__name__, "|", e)


run(main())
