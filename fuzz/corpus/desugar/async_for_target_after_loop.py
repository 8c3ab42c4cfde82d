# async for: the target keeps its last value after the loop (normal end, break, exception); unpacked targets keep the last item's parts; a never-assigned target stays unbound
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


class Holder:
    pass


async def main():
    async for x in AIter([1, 2, 3]):
        pass
    print("after normal end x =", x)

    async for x in AIter([4, 5, 6]):
        if x == 5:
            break
    print("after break x =", x)

    try:
        async for x in AIter([7, 8]):
            raise ValueError(x)
    except ValueError:
        pass
    print("after exception x =", x)

    async for a, (b, *c) in AIter([(1, (2, 3, 4)), (5, (6,))]):
        pass
    print("after unpacking loop a, b, c =", a, b, c)

    h = Holder()
    d = {}
    async for h.value in AIter(["first", "last"]):
        pass
    async for d["key"] in AIter(["only"]):
        pass
    print("attribute and subscript targets:", h.value, d)

    async for never in AIter([]):
        pass
    try:
        print(never)
    except UnboundLocalError as e:
        print("never assigned:", type(e).__name__)


run(main())
