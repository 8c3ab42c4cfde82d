# await inside comprehensions whose only for clauses are synchronous makes them asynchronous: list/set/dict run to completion in the coroutine, a generator expression becomes an async generator
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


import collections.abc
import inspect


def labelled(values):
    return [Value("v%r" % (v,), v) for v in values]


async def main():
    print("list:")
    print("result", [await a for a in labelled([1, 2])])
    print("set with an awaited condition:")
    print("result", sorted({await a for a in labelled([3, 1, 3]) if await Value("keep?", True)}))
    print("dict with two sync fors:")
    print("result", {x: await Value("dv%r" % (x + y,), x + y) for x in (1, 2) for y in (10,)})
    print("generator expression with await in the element:")
    gen = (await a for a in labelled(["p", "q"]))
    print("  created; is async generator:", isinstance(gen, collections.abc.AsyncGenerator), "| is generator:", inspect.isgenerator(gen))
    print("  nothing awaited yet")
    async for item in gen:
        print("  got", repr(item))
    print("generator expression with await only in the condition:")
    gen = (x for x in range(4) if await Value("cond%r" % (x,), x % 2))
    print("  is async generator:", isinstance(gen, collections.abc.AsyncGenerator))
    out = []
    async for item in gen:
        out.append(item)
    print("result", out)
    print("plain generator expression for comparison:")
    gen = (x for x in range(2))
    print("  is async generator:", isinstance(gen, collections.abc.AsyncGenerator), "| is generator:", inspect.isgenerator(gen))
    print("result", list(gen))
    return "done"


run(main())
