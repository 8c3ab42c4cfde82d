# min-python: 3.7
# async comprehensions inside f-string fields: conversions, format specs with nested comprehension fields, several fields evaluated left to right, awaits and async genexps inside the field
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


async def main():
    print("conversion !r and a plain field:")
    print(f"  list={[x async for x in AIter('f1', [1, 2])]!r} set={sorted({x async for x in agen('f2', 'ba')})}")
    print("format spec with a nested comprehension field:")
    print(f"  [{[x async for x in AIter('value', [7])][0]:>{len([y async for y in AIter('width', 'abc')])}}]")
    print("dict comprehension with awaits, then !s and !r:")
    print(f"  {({k: await Value('v' + k, k * 2) async for k in AIter('d', 'xy')})!s} {''.join([s async for s in AIter('s', 'pq')])!r}")
    print("comprehension over an async generator expression:")
    print(f"  {[x * 10 async for x in (y + 1 async for y in AIter('inner', [1, 2]))]}")
    print("multi-line triple-quoted f-string:")
    print(f"""  first={[a async for a in AIter('t1', 'a')]}
  second={ {b: 1 async for b in AIter('t2', 'b')} }""")
    return "done"


run(main())
