# 'if await pred(x)' conditions in async comprehensions: several ifs in sequence, and/or short-circuit, conditions in a comprehension whose only for is synchronous
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


async def is_odd(x):
    r = await Value("odd?%r" % (x,), x % 2 == 1)
    print("    is_odd(%r) -> %r" % (x, r))
    return r


async def small(x):
    r = await Value("small?%r" % (x,), x < 4)
    print("    small(%r) -> %r" % (x, r))
    return r


async def main():
    print("one awaited condition:")
    print("result", [x async for x in AIter("A", [1, 2, 3]) if await is_odd(x)])
    print("two ifs, both awaited (second only runs when the first passed):")
    print("result", {x async for x in agen("B", [1, 2, 3, 5]) if await is_odd(x) if await small(x)})
    print("and/or inside one condition:")
    print("result", [x async for x in AIter("C", [1, 2, 4]) if await is_odd(x) or not await small(x)])
    print("plain if then awaited if:")
    print("result", {x: -x async for x in AIter("D", [0, 1, 2, 3]) if x if await is_odd(x)})
    print("awaited conditions in a comprehension with only a sync for:")
    print("result", [x for x in range(6) if await small(x) if not await is_odd(x)])
    print("condition awaits the driver's sent value:")
    print("result", [x async for x in AIter("E", "abc") if int((await Suspend("cond" + x))[4:]) % 4 == 1])
    return "done"


run(main())
