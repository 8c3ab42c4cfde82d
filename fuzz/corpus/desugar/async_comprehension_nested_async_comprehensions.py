# async comprehensions nested inside async comprehensions: in the element, in a condition, as a non-first iterable, as the first iterable, and an async generator expression inside a list comprehension
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


async def materialize(gen):
    return [x async for x in gen]


async def main():
    print("inner comprehension in the element:")
    print("result", [[(x, y) async for y in AIter("in%r" % x, "ab"[:x])] async for x in AIter("out", [1, 2])])
    print("inner comprehension in the condition:")
    print("result", {x async for x in agen("G", [1, 2, 3]) if [y async for y in AIter("c%r" % x, [x]) if y % 2]})
    print("inner comprehension as a non-first iterable:")
    print("result", [z async for x in AIter("o", [1, 2]) for z in [y * 10 async for y in agen("n%r" % x, range(x))]])
    print("inner comprehension as the first iterable (built before the outer loop starts):")
    print("result", [x + 1 for x in [y async for y in AIter("first", [5, 6])]])
    print("three levels, dict of lists of sets:")
    print("result", {
        k: [sorted({c async for c in AIter("%s%r" % (k, n), k * n)}) async for n in agen("n" + k, [1, 2])]
        async for k in AIter("keys", ["p"])
    })
    print("async generator expressions inside a list comprehension:")
    gens = [(x * y async for y in AIter("g%r" % x, [1, 2])) async for x in AIter("xs", [3, 4])]
    print("  built", len(gens), "generators")
    print("result", [await materialize(g) for g in gens])
    return "done"


run(main())
