# min-python: 3.11
# synchronous comprehensions containing async comprehensions or await inside an async def (allowed since 3.11): list/set/dict of async lists, a sync generator expression that becomes an async generator
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


import collections.abc
import inspect


async def main():
    print("list of async lists, outer for is sync:")
    print("result", [[(x, y) async for y in AIter("in%r" % x, range(x))] for x in range(3)])
    print("async comprehension in the condition of a sync comprehension:")
    print("result", sorted({x for x in "abc" if [c async for c in agen("c" + x, x) if c != "b"]}))
    print("dict whose values are async sets, second for is sync too:")
    print("result", {(k, n): sorted({v async for v in AIter(k + str(n), [n, n])}) for k in "p" for n in (1, 2)})
    print("sync generator expression containing an async comprehension:")
    gen = ([y async for y in AIter("g%r" % x, [x])] for x in (7, 8))
    print("  is async generator:", isinstance(gen, collections.abc.AsyncGenerator))
    out = []
    async for item in gen:
        out.append(item)
    print("result", out)
    print("await nested two sync comprehensions deep:")
    print("result", [[await Value("v%r%r" % (i, j), i * j) for j in range(2)] for i in (1, 2)])
    return "done"


run(main())
