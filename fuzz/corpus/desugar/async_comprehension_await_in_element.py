# await in the element expression of list/set/dict async comprehensions (and several awaits per element); dict key/value evaluation order differs before 3.8 (value first)
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


def key(x):
    print("    key part for", x)
    return Value("key%r" % (x,), "k%r" % (x,))


def val(x):
    print("    value part for", x)
    return Value("val%r" % (x,), "v%r" % (x,))


async def double(x):
    await Suspend("double%r" % (x,))
    return 2 * x


async def main():
    print("list, element awaits a coroutine:")
    print("result", [await double(x) async for x in AIter("L", [1, 2])])
    print("list, element awaits twice plus the sent value:")
    print("result", [(await double(x), await Suspend("raw%r" % (x,))) async for x in agen("T", [5, 6])])
    print("set, element awaits a Value:")
    print("result", sorted({await Value("set%r" % (x,), x % 2) async for x in AIter("S", [1, 2, 3])}))
    print("dict, key and value both await:")
    print("result", {await key(x): await val(x) async for x in AIter("D", [1, 2])})
    print("dict, only the value awaits:")
    print("result", {x: await val(x) async for x in agen("V", [3])})
    print("dict, a key awaited twice collapses:")
    print("result", {await Value("same", "k"): x async for x in AIter("K", [7, 8])})
    return "done"


run(main())
