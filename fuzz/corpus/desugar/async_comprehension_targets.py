# async comprehension targets: tuple, nested and starred unpacking, attribute and subscript targets (side effects visible outside), and unpacking failures raising ValueError/TypeError
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


class Box:
    def __setattr__(self, name, value):
        print("    Box.%s = %r" % (name, value))
        object.__setattr__(self, name, value)


class Recorder(dict):
    def __setitem__(self, key, value):
        print("    Recorder[%r] = %r" % (key, value))
        dict.__setitem__(self, key, value)


async def main():
    print("tuple and nested tuple targets:")
    print("result", [(a, b, c) async for a, (b, c) in AIter("T", [(1, (2, 3)), (4, "56")])])
    print("starred target:")
    print("result", {first: rest async for first, *rest in agen("S", ["abc", "d"])})
    print("attribute target (the box keeps the last value):")
    box = Box()
    print("result", [box.value * 2 async for box.value in AIter("A", [1, 2])], "| box.value =", box.value)
    print("subscript target with an awaited index expression:")
    rec = Recorder()
    print("result", [rec["k"] async for rec[await Value("key", "k")] in AIter("R", ["r1", "r2"])], "| rec =", dict(rec))
    print("unpacking failures:")
    for items in ([(1, 2), (1, 2, 3)], [(1, 2), 5]):
        try:
            print([a + b async for a, b in AIter("U", items)])
        except (ValueError, TypeError) as e:
            print("  %s: %s" % (type(e).__name__, e))
    return "done"


run(main())
