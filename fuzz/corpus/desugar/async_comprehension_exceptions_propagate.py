# exceptions raised inside async comprehensions (element, awaited element, condition, __anext__, nested iterable, dict key) propagate with their type after the partial work; target left unbound; one uncaught at the end
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


class FailingAIter(AIter):
    def __init__(self, name, items, error):
        AIter.__init__(self, name, items)
        self.error = error

    async def __anext__(self):
        if self.i >= len(self.items):
            await Suspend("%s.failing" % self.name)
            print("  %s.__anext__ raising %r" % (self.name, self.error))
            raise self.error
        return await AIter.__anext__(self)


async def explode(v):
    await Suspend("explode%r" % (v,))
    raise ValueError("explode(%r)" % (v,))


def check(v):
    if v == 2:
        raise LookupError("condition failed on %r" % (v,))
    return True


def reraise(x):
    try:
        raise TypeError("inner %r" % (x,))
    except TypeError:
        raise RuntimeError("outer %r" % (x,))


async def element_sync():
    return [1 // (x - 2) async for x in AIter("A", [1, 2, 3])]


async def element_awaited():
    return {await explode(x) async for x in AIter("B", [1, 2])}


async def condition():
    return [x async for x in AIter("C", [1, 2, 3]) if check(x)]


async def awaited_condition():
    return [x async for x in AIter("D", [1]) if await explode(x)]


async def anext_fails():
    return [x async for x in FailingAIter("E", [1, 2], KeyError("anext"))]


async def nested_anext_fails():
    return [(x, y) async for x in AIter("F", [1, 2]) async for y in FailingAIter("G%r" % x, [x], OSError(5, "io"))]


async def dict_key():
    return {[x]: x async for x in AIter("H", [1])}


async def context_kept():
    return [reraise(x) async for x in AIter("I", [1])]


async def main():
    for func in (element_sync, element_awaited, condition, awaited_condition, anext_fails,
                 nested_anext_fails, dict_key, context_kept):
        print(func.__name__ + ":")
        result = "unbound"
        try:
            result = await func()
        except Exception as e:
            print("  caught %s: %s | result = %r" % (type(e).__name__, e, result))
            print("  context:", repr(e.__context__), "| cause:", repr(e.__cause__))
    print("uncaught:")
    print([x async for x in FailingAIter("Z", ["z"], ArithmeticError("from __anext__, uncaught"))])


run(main())
