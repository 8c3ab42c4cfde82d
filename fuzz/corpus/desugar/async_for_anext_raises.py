# async for: a non-StopAsyncIteration error from __anext__ (before/after suspending) propagates and skips else; StopAsyncIteration subclasses/instances with args end the loop; last error uncaught
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
    def __init__(self, name, items, error):
        self.name = name
        self.items = list(items)
        self.error = error

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend("anext " + self.name)
        if not self.items:
            print("  __anext__", self.name, "raising", repr(self.error))
            raise self.error
        return self.items.pop(0)


class EarlyFail:
    def __aiter__(self):
        return self

    async def __anext__(self):
        print("  EarlyFail.__anext__ raising before any suspension")
        raise LookupError("early")


class MyStop(StopAsyncIteration):
    pass


async def loop(it):
    async for x in it:
        print("  body", x)
    else:
        print("  else: loop ended normally")
    return "loop finished"


async def main():
    for it in (
        AIter("value-error", [1, 2], ValueError("anext failed")),
        AIter("subclass", [1], MyStop("subclass ends the loop")),
        AIter("with-args", [1], StopAsyncIteration("payload", 2)),
        AIter("class", [], StopAsyncIteration),
        EarlyFail(),
    ):
        try:
            print(await loop(it))
        except Exception as e:
            print("  caught", type(e).__name__, e)
    print("uncaught:")
    await loop(AIter("uncaught", [1], OSError("anext broke")))


run(main())
