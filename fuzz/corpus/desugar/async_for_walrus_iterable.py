# min-python: 3.8
# async for with assignment expressions in the iterable expression and in the body; the walrus-bound iterator is usable after the loop
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
        print("__aiter__")
        return self

    async def __anext__(self):
        await Suspend("anext")
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def main():
    async for x in (it := AIter([1, 2, 3])):
        if (doubled := x * 2) > 4:
            print("big", doubled)
            break
        print("small", doubled)
    print("after loop: x =", x, "doubled =", doubled, "left =", it.items)

    async for y in (it := AIter(["a"])) if True else None:
        print("conditional iterable", y)


run(main())
