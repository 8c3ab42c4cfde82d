# async for: a failing store into the target (bad unpacking, raising __setattr__) propagates out of the loop; __anext__ is not called again and else does not run
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
            print("  __anext__ -> StopAsyncIteration")
            raise StopAsyncIteration
        item = self.items.pop(0)
        print("  __anext__ ->", repr(item))
        await Suspend("anext")
        return item


class ReadOnly:
    def __setattr__(self, name, value):
        raise AttributeError("cannot set " + name)


async def main():
    for items in ([(1, 2), 3, (4, 5)], [(1, 2), (1, 2, 3)], [(1, 2), (1,)]):
        it = AIter(items)
        try:
            async for a, b in it:
                print("  body", a, b)
            else:
                print("  else (must not run)")
        except (TypeError, ValueError) as e:
            print("  caught", type(e).__name__, e, "| a, b =", a, b, "| left:", it.items)

    try:
        async for ReadOnly().x in AIter([1, 2]):
            print("  body (unreachable)")
    except AttributeError as e:
        print("  caught", type(e).__name__, e)

    try:
        async for first, *rest in AIter([[1, 2], None]):
            print("  body", first, rest)
    except TypeError as e:
        print("  caught", type(e).__name__, e)


run(main())
