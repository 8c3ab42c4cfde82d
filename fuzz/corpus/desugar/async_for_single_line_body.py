# async for whose body is on the same line as the header (single statement, `;`-separated, pass, continue/break, await), with and without else
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
        if not self.items:
            raise StopAsyncIteration
        await Suspend("anext")
        return self.items.pop(0)


async def main():
    async for x in AIter([1, 2]): print("one", x)
    async for x in AIter([3, 4]): y = x * 2; print("two", x, y)
    async for x in AIter([5]): pass
    async for x in AIter([6, 7]): print("awaited", await Suspend("body %d" % x))
    async for x in AIter([8, 9, 10]): continue
    print("after continue loop x =", x)
    async for x in AIter([11, 12]): break
    else: print("else (must not run)")
    async for x in AIter([]): print("unreachable")
    else: print("one-line else runs")
    async for a, b in AIter([(1, 2)]): print("tuple", a, b)
    if True:
        async for x in AIter(["nested"]): print("inside if", x)


run(main())
