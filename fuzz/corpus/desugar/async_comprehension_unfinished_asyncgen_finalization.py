# an exception leaves async generators used by async comprehensions unfinished: when their finally runs (sys.set_asyncgen_hooks finalizer driving aclose by hand, explicit aclose, abandoned async generator expression); timing inside the except block is version dependent
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


import sys


async def agen(name, items):
    print("  %s: start" % name)
    try:
        for item in items:
            await Suspend("%s.before%r" % (name, item))
            print("  %s: yield %r" % (name, item))
            yield item
        print("  %s: end" % name)
    finally:
        print("  %s: finally" % name)


def label(gen):
    """The async generator's name argument (an async generator expression has no such local)."""
    return gen.ag_frame.f_locals.get("name", "async genexp")


def firstiter(gen):
    print("  hook firstiter:", label(gen))


def finalizer(gen):
    name = label(gen)
    print("  hook finalizer:", name, "-> aclose by hand")
    closer = gen.aclose()
    try:
        closer.send(None)
        print("  aclose suspended?!")
    except StopIteration:
        print("  hook finalizer:", name, "closed")


def fail_on(bad):
    def check(x):
        if x == bad:
            raise ValueError("element %r rejected" % (x,))
        return x
    return check


async def caught_quietly():
    """Nothing printed inside the except block: the finally runs before the next statement everywhere."""
    outcome = None
    try:
        [fail_on(2)(x) async for x in agen("Q", [1, 2, 3])]
    except ValueError as e:
        outcome = str(e)
    print("  after try:", outcome)


async def caught_loudly():
    """Printing inside the except block shows when the abandoned generator is released (version dependent)."""
    try:
        {fail_on(1)(x) async for x in agen("L", [1, 2])}
    except ValueError as e:
        print("  inside except:", e)
    print("  after try")


async def kept_reference():
    gen = agen("K", [1, 2, 3])
    try:
        [fail_on(2)(x) async for x in gen]
    except ValueError as e:
        print("  inside except:", e)
    print("  still suspended; closing explicitly")
    await gen.aclose()
    print("  closed; del now finalizes nothing")
    del gen
    print("  after del")


async def abandoned_genexp():
    gen = (fail_on("never")(x) async for x in agen("G", "abc"))
    print("  first item:", await gen.__anext__())
    print("  dropping the generator expression")
    del gen
    print("  after del")


async def nested_failure():
    outcome = None
    try:
        [[fail_on((2, "y"))((x, y)) async for y in agen("inner%r" % x, "xy")] async for x in agen("outer", [1, 2])]
    except ValueError as e:
        outcome = str(e)
    print("  after try:", outcome)


async def main():
    # Known difference: 3.12+ inline comprehensions (PEP 709), so an async
    # generator abandoned by an exception in one is finalized before the
    # handler runs; the desugared comprehension keeps its frame (and the
    # generator) alive in the traceback until after, as 3.6-3.11 do.
    loud = [caught_loudly] if sys.version_info < (3, 12) else []
    for func in [caught_quietly] + loud + [kept_reference, abandoned_genexp, nested_failure]:
        print(func.__name__ + ":")
        await func()
    return "done"


sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
run(main())
