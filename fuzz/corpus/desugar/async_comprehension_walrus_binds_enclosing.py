# min-python: 3.8
# assignment expressions inside async comprehensions bind in the enclosing function (element, awaited condition, nested clauses, generator expression), and honour global/nonlocal declarations there
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


total = "unset global"


async def main():
    last = "before"
    print("walrus in the element:")
    print("result", [last := x async for x in AIter("A", [1, 2, 3])], "| last =", last)

    print("walrus on an awaited value in the condition:")
    print("result", [y async for x in agen("B", [1, 2, 3]) if (y := await Value("sq%r" % x, x * x)) > 1], "| y =", y)

    print("walrus in a nested clause binds the function's name, loop variables stay private:")
    pairs = [(a, b) async for a in AIter("C", [1, 2]) for b in "xy" if (seen := (a, b)) != (2, "x")]
    print("result", pairs, "| seen =", seen)
    for name in ("a", "b"):
        try:
            eval(name)
        except NameError as e:
            print("  NameError:", e)

    print("walrus inside an async generator expression assigns when iterated:")
    probe = "untouched"
    gen = ((probe := x) async for x in AIter("D", ["d1", "d2"]))
    print("  after creation probe =", probe)
    async for item in gen:
        print("  item", item, "probe =", probe)

    print("walrus in a set comprehension with await:")
    found = {(hit := await Value("v%r" % n, n % 3)) async for n in AIter("E", [3, 4, 5])}
    print("result", sorted(found), "| hit =", hit)
    return "done"


async def with_global():
    global total
    [total := total + [n] if isinstance(total, list) else [n] async for n in AIter("G", [7, 8])]
    return total


async def with_nonlocal():
    acc = 0

    async def inner():
        nonlocal acc
        return [acc := acc + n async for n in AIter("N", [1, 10, 100])]
    print("inner result", await inner())
    return acc


run(main())
print("global:")
print("result", run(with_global()), "| global total =", total)
print("nonlocal:")
print("result", run(with_nonlocal()))
