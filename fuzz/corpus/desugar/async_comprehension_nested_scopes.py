# min-python: 3.7
# what a comprehension nested in another evaluates in the outer one's scope: an await in the first iterable of an inner comprehension makes the outer one asynchronous; an async generator expression inside a synchronous comprehension sees that comprehension's loop variables (late bound, as closures are)
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


async def drain(agen):
    return [item async for item in agen]


async def main():
    print("await in the first iterable of an inner comprehension:")
    print("result", [[z for z in await Value("row%r" % y, [y, y + 1])] for y in (1, 5)])
    print("  and in an inner generator expression's first iterable:")
    print("result", [list(z for z in await Value("gen%r" % y, (y,))) for y in (2, 3)])
    print("async generator expressions inside a synchronous list comprehension:")
    gens = [(z + y async for z in AIter("in%r" % y, [1, 2])) for y in (10, 20)]
    for gen in gens:
        print("result", await drain(gen))
    print("  inside a lambda inside a synchronous dict comprehension:")
    makers = {y: (lambda: (z * y async for z in AIter("lam%r" % y, [3]))) for y in (2, 4)}
    print("result", {y: await drain(make()) for y, make in sorted(makers.items())})
    print("  with a lambda default evaluated in the comprehension:")
    print("result", [await drain((lambda d=y: (z - d async for z in AIter("def%r" % y, [9])))()) for y in (1, 2)])
    return "done"


run(main())
