# async comprehensions in statement positions: while and elif conditions, return, yield in an async generator, assert, augmented assignment, subscripts, conditional expressions, for/async for iterables
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


class Countdown:
    def __init__(self, n):
        self.n = n


async def while_condition():
    box = Countdown(3)
    rounds = 0
    while [x async for x in AIter("w%r" % box.n, [box.n]) if x > 0]:
        print("  while body, n =", box.n)
        box.n -= 1
        rounds += 1
    return rounds


async def classify(v):
    if [x async for x in AIter("if%r" % v, [v]) if x < 0]:
        return "negative"
    elif {x async for x in AIter("elif%r" % v, [v]) if x == 0}:
        return "zero"
    elif not [x async for x in agen("elif2-%r" % v, [v]) if x < 10]:
        return "large"
    else:
        return "small"


async def returns():
    return [x * 3 async for x in AIter("ret", [1, 2])]


async def producer():
    yield [x async for x in AIter("y1", [1])]
    sent = yield {k: k async for k in AIter("y2", "z")}
    print("  producer received", sent)
    yield [await Value("ye", e) async for e in agen("y3", [sent])]


async def main():
    print("while condition:")
    print("result", await while_condition())
    print("if/elif conditions:")
    for v in (-1, 0, 5, 50):
        print("result", v, await classify(v))
    print("return statement:")
    print("result", await returns())
    print("yield in an async generator:")
    gen = producer()
    print("  first", await gen.__anext__())
    print("  second", await gen.__anext__())
    print("  third", await gen.asend("hello"))
    try:
        await gen.__anext__()
    except StopAsyncIteration:
        print("  producer finished")
    print("assert:")
    assert [x async for x in AIter("assert", [1])], "never"
    try:
        assert [x async for x in AIter("assert-empty", [])], [m async for m in AIter("msg", ["message"])]
    except AssertionError as e:
        print("  AssertionError:", e)
    print("augmented assignment and subscripts:")
    acc = [0]
    acc += [x async for x in AIter("aug", [1])]
    table = {"k": [0, 0]}
    table[[k async for k in AIter("key", ["k"])][0]][[i async for i in AIter("idx", [1])][0]] = "set"
    print("  acc", acc, "table", table)
    print("conditional expression (only one branch runs):")
    print("result", [a async for a in AIter("then", [1])] if acc else [b async for b in AIter("else", [2])])
    print("iterables of for and async for statements:")
    for v in [x async for x in AIter("for", "pq")]:
        print("  for body", v)
    async for v in (x async for x in AIter("afor", "rs")):
        print("  async for body", v)
    return "done"


run(main())
