# async comprehensions laid out over several lines: comments between clauses, 'async' and 'for' on different lines, odd spacing, backslash continuations, trailing commas in calls, nested brackets
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
    print("comments between clauses:")
    result = [
        # element
        x * 10  # times ten
        # first clause
        async for x in AIter("A", [1, 2, 3])  # async source
        # condition
        if x != 2  # skip two
    ]
    print("result", result)
    print("'async' and 'for' split across lines, extra spaces:")
    result = {x
              async
              for   x   in   agen("B", "ab")
              if    x}
    print("result", sorted(result))
    print("backslash continuation inside an async def line:")
    total = sum([x async for x in AIter("C", [4, 5])]) + \
        len({k: k async for k in AIter("D", "z")})
    print("result", total)
    print("call with a trailing comma and a generator expression in parentheses:")
    out = await gather(
        (y
         async for y in AIter("E", [6])),
        [z async for z in AIter("F", [7])],
    )
    print("result", out)
    print("deeply bracketed:")
    print("result", ((([[(w)] async for w in AIter("G", [8])]))))
    return "done"


async def gather(gen, lst,):
    return [v async for v in gen] + lst


run(main())
