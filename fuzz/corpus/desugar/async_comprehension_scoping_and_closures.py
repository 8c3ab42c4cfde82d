# async comprehension scoping: loop variables do not leak (NameError, pre-existing locals/globals unchanged), enclosing locals/nonlocals/globals are visible, lambdas capture the comprehension variable late
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


x = "global x"
factor = 100


async def leak_checks():
    y = "local y"
    print("list:", [y * 2 async for y in AIter("A", [1, 2])])
    print("  y after:", y)
    print("set:", sorted({x async for x in AIter("B", [3])}))
    print("  global x after:", x)
    print("dict with tuple target:", {k: v async for k, (v, w) in agen("C", [("k", ("v", "w"))])})
    for name in ("k", "v", "w"):
        try:
            eval(name)
            print("  %s leaked?!" % name)
        except NameError as e:
            print("  NameError:", e)
    try:
        print(fresh)
    except NameError as e:
        print("  NameError:", e)
    [fresh async for fresh in AIter("D", ["only inside"])]
    try:
        print(fresh)
    except NameError as e:
        print("  after comprehension, NameError:", e)


async def enclosing():
    offset = 1

    async def inner():
        scale = 10
        return [n * scale + offset + factor async for n in AIter("E", [1, 2])]
    print("enclosing + global:", await inner())
    offset = 5
    print("after rebinding the enclosing variable:", await inner())


async def late_binding():
    funcs = [lambda: i async for i in AIter("F", [1, 2, 3])]
    print("late-bound lambdas:", [f() for f in funcs])
    funcs = [lambda i=i: i async for i in AIter("G", [1, 2, 3])]
    print("default-bound lambdas:", [f() for f in funcs])
    nested = [[lambda: (i, j) for j in "ab"] async for i in AIter("H", [1, 2])]
    print("nested closures:", [[f() for f in row] for row in nested])


async def nonlocal_counter():
    count = 0

    def bump(v):
        nonlocal count
        count += 1
        return v * count
    result = [bump(v) async for v in AIter("I", [5, 5, 5])]
    print("nonlocal updated from the element:", result, "count =", count)


async def main():
    await leak_checks()
    await enclosing()
    await late_binding()
    await nonlocal_counter()
    return "done"


run(main())
