# max-python: 3.13
# async comprehensions in the annotations of a nested def, evaluated when the
# def runs, in order with its decorator and defaults; 3.14+ defers annotations
# (PEP 649) and rejects them there at compile time
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


def deco(tags):
    print("  decorator expression produced", tags)

    def apply(obj):
        print("  applying decorator", tags, "to", obj.__name__)
        obj.tags = tags
        return obj
    return apply


async def main():
    @deco([t async for t in AIter("deco", ["d1", "d2"])])
    def inner(a=[x * 2 async for x in AIter("default", [1, 2])],
              *, k: [n async for n in AIter("ann", [0])] = {x: x async for x in agen("kwdefault", "k")}
              ) -> {c async for c in AIter("ret", "r")}:
        return a, k
    print("  inner() ->", inner(), "tags", inner.tags)
    print("  defaults", inner.__defaults__, inner.__kwdefaults__)
    print("  annotations", {k: sorted(v) for k, v in inner.__annotations__.items()})


run(main())
