# async generator expressions passed directly as call arguments (sole unparenthesized argument, parenthesized among others, to methods, awaited calls, class constructors) and to sync consumers like list() (TypeError)
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


async def collect(gen, sep=None):
    print("  collect called with", type(gen).__name__, "sep", repr(sep))
    out = []
    async for item in gen:
        out.append(item)
    return out if sep is None else sep.join(out)


class Collector:
    def __init__(self, gen):
        print("  Collector.__init__ got", type(gen).__name__)
        self.gen = gen

    async def drain(self, gen=None):
        return [x async for x in (gen or self.gen)]


def describe(gen):
    print("  describe called (generator not started)")
    return gen


async def main():
    print("sole argument without extra parentheses:")
    print("result", await collect(x * 2 async for x in AIter("A", [1, 2])))
    print("parenthesized, with another argument:")
    print("result", await collect((s.upper() async for s in agen("B", "ab")), "-"))
    print("keyword argument:")
    print("result", await collect(sep="+", gen=(s async for s in AIter("C", "xy") if s != "z")))
    print("constructor and method calls:")
    c = Collector(x async for x in AIter("D", [3]))
    print("result", await c.drain(), await c.drain(y async for y in AIter("E", [4])))
    print("plain function returning the generator, awaited element:")
    gen = describe(await Value("elt%r" % x, x) async for x in AIter("F", [5, 6]))
    print("result", await collect(gen))
    print("sync consumers reject it:")
    for consumer in (list, sorted, tuple):
        try:
            consumer(x async for x in AIter("G", [1]))
        except TypeError as e:
            print("  %s: TypeError: %s" % (consumer.__name__, e))
    return "done"


run(main())
