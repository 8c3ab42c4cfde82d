# async comprehensions inside methods: self attributes and methods, name-mangled __private names, classmethods, __class__, and zero-argument super() inside the comprehension
import sys
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


class Base:
    def tag(self, v):
        return "base:%r" % (v,)


class Store(Base):
    prefix = "item"

    def __init__(self, items):
        self.items = items
        self.__secret = 7

    def source(self):
        print("  self.source()")
        return AIter("S", self.items)

    async def fetch(self, v):
        return await Value("fetch%r" % (v,), "%s-%r" % (self.prefix, v))

    async def names(self):
        return [await self.fetch(v) async for v in self.source()]

    async def mangled(self):
        return {v: v * self.__secret async for v in agen("M", self.items)}

    async def via_class(self):
        return [__class__.__name__ + str(v) async for v in AIter("K", self.items)]

    async def with_super(self):
        try:
            return [super().tag(v) async for v in AIter("U", self.items)]
        except (TypeError, RuntimeError) as e:
            return "%s: %s" % (type(e).__name__, e)

    async def with_explicit_super(self):
        return [super(Store, self).tag(v) async for v in AIter("X", self.items)]

    async def rebinding_self(self):
        return [self async for self in AIter("R", ["shadow"])], self.prefix

    @classmethod
    async def build(cls, n):
        return [cls([i]) async for i in AIter("B", range(n))]


async def main():
    store = Store([1, 2])
    print("self method calls and awaits:")
    print("result", await store.names())
    print("name-mangled attribute:")
    print("result", await store.mangled())
    print("__class__ cell:")
    print("result", await store.via_class())
    # Known difference: 3.12+ inline comprehensions (PEP 709), where a
    # zero-argument super() works; the desugared comprehension is a function
    # of its own, as on 3.6-3.11, where super() fails.
    if sys.version_info < (3, 12):
        print("zero-argument super() inside the comprehension:")
        print("result", await store.with_super())
    print("explicit super():")
    print("result", await store.with_explicit_super())
    print("comprehension variable named self:")
    print("result", await store.rebinding_self())
    print("classmethod:")
    print("result", [s.items for s in await Store.build(2)])
    return "done"


run(main())
