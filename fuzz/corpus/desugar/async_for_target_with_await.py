# async for with an await inside the target (d[await key(x)]): evaluated after each __anext__, before the body; a failing await there propagates out of the loop
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
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend("anext")
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


COUNTER = [0]


async def key():
    COUNTER[0] += 1
    print("computing key", COUNTER[0])
    got = await Suspend("key %d" % COUNTER[0])
    if COUNTER[0] == 5:
        raise KeyError("key %d failed" % COUNTER[0])
    return "k%d:%s" % (COUNTER[0], got)


async def main():
    d = {}
    async for d[await key()] in AIter(["a", "b"]):
        print("body d =", sorted(d.items()))
    print("after d =", sorted(d.items()))

    try:
        async for d[await key()] in AIter(["c", "d", "e"]):
            print("body d =", sorted(d.items()))
    except KeyError as e:
        print("caught", type(e).__name__, e)
    print("final d =", sorted(d.items()))


run(main())
