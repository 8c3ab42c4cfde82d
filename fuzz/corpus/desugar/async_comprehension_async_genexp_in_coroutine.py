# async generator expressions (x async for x in it) inside a coroutine: lazy body, first iterable and its __aiter__ evaluated at creation, consumed with async for, __anext__ by hand, aclose mid-way
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


def source(name, items):
    print("  evaluating first iterable", name)
    return AIter(name, items)


def second(name, items):
    print("  evaluating second iterable", name)
    return AIter(name, items)


async def main():
    print("create:")
    gen = (x * 2 async for x in source("A", [1, 2, 3]))
    print("  created", type(gen).__name__)
    print("consume with async for:")
    async for v in gen:
        print("  loop body got", v)
    print("exhausted genexp again:")
    async for v in gen:
        print("  unreachable", v)
    print("  nothing more")

    print("two clauses, second iterable only evaluated when the body runs:")
    gen = ((x, y) async for x in source("B", [1, 2]) async for y in second("C%r" % x, "ab"[:x]) if y != "b" or x == 2)
    print("  created")
    print("  first:", await gen.__anext__())
    print("  second:", await gen.__anext__())
    print("  third:", await gen.__anext__())
    try:
        await gen.__anext__()
    except StopAsyncIteration:
        print("  StopAsyncIteration at the end")

    print("aclose mid-way:")
    gen = (await Value("elt%r" % (x,), x) async for x in agen("G", [1, 2, 3]))
    print("  first:", await gen.__anext__())
    await gen.aclose()
    print("  closed; anext now:")
    try:
        await gen.__anext__()
    except StopAsyncIteration:
        print("  StopAsyncIteration")
    return "done"


run(main())
