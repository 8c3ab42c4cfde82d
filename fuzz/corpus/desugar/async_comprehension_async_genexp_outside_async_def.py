# min-python: 3.7
# async generator expressions created outside any async def (plain function, lambda, module level, class body), consumed later by a coroutine; the first iterable is evaluated at creation
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


def make(items):
    print("  make() called")
    return (x + 1 async for x in AIter("F", items))


def make_awaiting(values):
    print("  make_awaiting() called")
    return (await Value("await%r" % (v,), v * 3) for v in values)


make_lambda = lambda name: (s.upper() async for s in agen(name, "ab") if s != "z")

print("module level: creating")
MODULE_GEN = (n async for n in AIter("M", ["m1", "m2"]))
print("module level: created", type(MODULE_GEN).__name__)


class Holder:
    print("class body: creating")
    gen = (c async for c in AIter("C", "xy"))
    print("class body: created")


async def collect(gen):
    out = []
    async for item in gen:
        out.append(item)
    return out


async def main(gens):
    for name, gen in gens:
        print("collecting", name)
        print("result", await collect(gen))
    return "done"


print("plain function:")
g1 = make([10, 20])
print("await in element, plain function:")
g2 = make_awaiting([1, 2])
print("lambda:")
g3 = make_lambda("L")
print("  lambda returned; generator body not started")
print("running coroutine")
run(main([("make", g1), ("make_awaiting", g2), ("lambda", g3), ("module", MODULE_GEN), ("class", Holder.gen)]))
