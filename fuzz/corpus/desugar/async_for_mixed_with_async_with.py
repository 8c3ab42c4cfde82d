# async for inside async with and async with inside async for: exit order, break/continue/exception through both, __aexit__ called once per iteration
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


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("  aenter", self.name)
        await Suspend("aenter " + self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("  aexit", self.name, exc_type.__name__ if exc_type else None, exc)
        await Suspend("aexit " + self.name)
        return self.suppress


class AIter:
    def __init__(self, name, items):
        self.name = name
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend("anext " + self.name)
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


class ManagedIter(AIter):
    """Both an async context manager and an async iterator."""

    async def __aenter__(self):
        print("  ManagedIter aenter")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("  ManagedIter aexit", exc_type.__name__ if exc_type else None, "left", self.items)


async def main():
    print("for inside with:")
    async with Manager("m1"):
        async for x in AIter("it1", [1, 2]):
            print("  body", x)

    print("with inside for, break and continue:")
    async for x in AIter("it2", [1, 2, 3, 4]):
        async with Manager("m-%d" % x):
            if x == 2:
                continue
            if x == 3:
                break
            print("  body", x)
    else:
        print("  else (must not run)")

    print("exception in inner with, suppressed by per-iteration manager:")
    async for x in AIter("it3", [1, 2]):
        async with Manager("s-%d" % x, suppress=True):
            raise ValueError("item %d" % x)
        print("  continued after", x)
    else:
        print("  else runs")

    print("exception escapes the loop and the outer with:")
    try:
        async with Manager("outer"):
            async for x in AIter("it4", [1, 2]):
                raise KeyError(x)
    except KeyError as e:
        print("  caught", type(e).__name__, e)

    print("same object as manager and iterator:")
    async with ManagedIter("both", "ab") as it:
        async for ch in it:
            print("  item", ch)
            break


run(main())
