# list, set and dict comprehensions with a single async for over an async iterator class and an async generator; every suspension and protocol call traced
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


async def main():
    print("list over AIter:")
    squares = [x * x async for x in AIter("L", [1, 2, 3])]
    print("result", squares)
    print("set over agen:")
    letters = {c.upper() async for c in agen("S", "abca")}
    print("result", sorted(letters), type(letters).__name__)
    print("dict over AIter:")
    table = {k: len(k) async for k in AIter("D", ["one", "three"])}
    print("result", table)
    print("dict with tuple targets over agen:")
    pairs = {b: a async for a, b in agen("P", [(1, "x"), (2, "y"), (3, "x")])}
    print("result", sorted(pairs.items()))
    print("empty iterables:")
    print("result", [x async for x in AIter("E", [])], {x async for x in agen("F", [])}, {x: x async for x in AIter("G", [])})
    return "done"


run(main())
