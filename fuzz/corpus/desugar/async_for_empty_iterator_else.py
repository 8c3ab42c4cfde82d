# async for over an empty async iterator: body never runs, else runs, target stays unbound (or keeps its previous value); __anext__ called exactly once
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


class Empty:
    def __init__(self, suspend):
        self.suspend = suspend
        self.calls = 0

    def __aiter__(self):
        print("  __aiter__")
        return self

    async def __anext__(self):
        self.calls += 1
        print("  __anext__ call", self.calls)
        if self.suspend:
            await Suspend("empty anext")
        raise StopAsyncIteration


async def main():
    e = Empty(True)
    async for item in e:
        print("body (unreachable)")
    else:
        print("else runs; __anext__ calls =", e.calls)
    try:
        print(item)
    except NameError as err:
        print("target unbound:", type(err).__name__)

    item = "previous"
    async for item in Empty(False):
        print("body (unreachable)")
    else:
        print("else runs without any suspension")
    print("item keeps", repr(item))

    async for item in Empty(False):
        pass
    print("loop without else finished")


run(main())
