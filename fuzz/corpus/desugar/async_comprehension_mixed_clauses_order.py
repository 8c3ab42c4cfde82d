# sync for and async for clauses mixed in every order (2 and 3 clauses), with several ifs between clauses, tracing when each iterable is created and advanced
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


class SIter:
    """Sync iterable that prints when it is created, iterated and advanced."""

    def __init__(self, name, items):
        print("  make %s" % name)
        self.name = name
        self.items = list(items)

    def __iter__(self):
        print("  %s.__iter__" % self.name)
        return self._gen()

    def _gen(self):
        for item in self.items:
            print("  %s -> %r" % (self.name, item))
            yield item
        print("  %s exhausted" % self.name)


def check(label, result):
    print("    if %s -> %r" % (label, result))
    return result


async def main():
    print("sync then async:")
    print("result", [(a, b) for a in SIter("s", "xy") async for b in AIter("a" + a, [1, 2])])
    print("async then sync:")
    print("result", [(a, b) async for a in AIter("a", [1, 2]) for b in SIter("s%r" % a, "xy"[:a])])
    print("async then async:")
    print("result", [(a, b) async for a in agen("g", [1, 2]) async for b in AIter("a%r" % a, [a * 10])])
    print("sync, async, sync with ifs after each clause:")
    print("result", [
        (a, b, c)
        for a in SIter("s", [1, 2, 3]) if check("a=%r odd" % a, a % 2)
        async for b in AIter("b%r" % a, [a, a + 1]) if check("b=%r>1" % b, b > 1) if check("b=%r<4" % b, b < 4)
        for c in SIter("c%r" % b, "pq") if check("c=%r" % c, c != "q")
    ])
    print("async, sync, async as a set:")
    print("result", sorted({
        a + b + c
        async for a in agen("g", ["A", "B"])
        for b in SIter("s" + a, "1")
        async for c in AIter("a" + a + b, ["!", "?"]) if c == "!" or a == "B"
    }))
    print("sync, sync, async as a dict:")
    print("result", {
        (a, b): c
        for a in SIter("s1", [1])
        for b in SIter("s2", [2, 3]) if check("b=%r" % b, b != 2) if check("a=%r" % a, a)
        async for c in AIter("a%r" % b, ["last"])
    })
    return "done"


run(main())
