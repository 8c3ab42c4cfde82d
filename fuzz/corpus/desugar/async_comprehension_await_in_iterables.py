# await in a non-first iterable (sync for over an awaited list, async for over an awaited async iterator, re-evaluated per outer item) and in the first iterable (evaluated once, before the loop)
class Suspend:
    """Awaitable that yields its label to the driver once and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


class Value:
    """Awaitable that yields its label to the driver once and then returns a fixed value."""

    def __init__(self, label, value):
        self.label = label
        self.value = value

    def __await__(self):
        yield self.label
        return self.value


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
    """Async iterator over items: prints every protocol call and suspends once per __anext__."""

    def __init__(self, name, items):
        self.name = name
        self.items = list(items)
        self.i = 0

    def __aiter__(self):
        print("  %s.__aiter__" % self.name)
        return self

    async def __anext__(self):
        await Suspend("%s.anext%d" % (self.name, self.i))
        if self.i >= len(self.items):
            print("  %s exhausted" % self.name)
            raise StopAsyncIteration
        item = self.items[self.i]
        self.i += 1
        print("  %s -> %r" % (self.name, item))
        return item


async def agen(name, items):
    """Async generator over items: prints start, each yield and its finally; suspends before each item."""
    print("  %s: start" % name)
    try:
        for item in items:
            await Suspend("%s.before%r" % (name, item))
            print("  %s: yield %r" % (name, item))
            yield item
        print("  %s: end" % name)
    finally:
        print("  %s: finally" % name)


async def fetch(x):
    print("    fetch(%r)" % (x,))
    return await Value("fetch%r" % (x,), list(range(x)))


async def make_aiter(x):
    print("    make_aiter(%r)" % (x,))
    await Suspend("make%r" % (x,))
    return AIter("inner%r" % (x,), [x * 10 + i for i in range(x)])


async def main():
    print("sync for over an awaited iterable, nested in async for:")
    print("result", [(x, y) async for x in AIter("O", [1, 2]) for y in await fetch(x)])
    print("async for over an awaited async iterator, nested in sync for:")
    print("result", [y for x in [2, 0, 1] async for y in await make_aiter(x)])
    print("sync for over an awaited iterable, nested in sync for (the await alone makes it async):")
    print("result", {y for x in (3, 1) for y in await fetch(x)})
    print("awaited iterable in the first for, async comprehension:")
    print("result", [y async for y in await make_aiter(2)])
    print("awaited first iterable of a sync-only comprehension (evaluated in the coroutine itself):")
    print("result", [y * 2 for y in await fetch(3)])
    print("awaited iterable nested three deep, with a dict:")
    print("result", {(a, b): c async for a in agen("G", [1, 2]) for b in await fetch(a) async for c in await make_aiter(b + 1)})
    return "done"


run(main())
