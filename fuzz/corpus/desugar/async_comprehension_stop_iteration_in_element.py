# StopAsyncIteration / StopIteration raised from the element or condition of an async comprehension is not mistaken for the end of iteration; in an async generator expression it becomes RuntimeError
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


def stop_async(x):
    if x == 2:
        print("  raising StopAsyncIteration at", x)
        raise StopAsyncIteration("from element %r" % (x,))
    return x


def stop_sync(x):
    if x == 2:
        print("  raising StopIteration at", x)
        raise StopIteration("from element %r" % (x,))
    return x


async def coro_raising(x):
    await Suspend("coro%r" % (x,))
    return stop_async(x)


async def list_element():
    return [stop_async(x) async for x in AIter("A", [1, 2, 3])]


async def list_awaited_element():
    return [await coro_raising(x) async for x in AIter("B", [1, 2, 3])]


async def set_condition():
    return {x async for x in AIter("C", [1, 2, 3]) if stop_async(x)}


async def sync_for_with_await():
    return [await Value("v%r" % x, stop_async(x)) for x in [1, 2, 3]]


async def list_stopiteration():
    return [stop_sync(x) async for x in AIter("D", [1, 2, 3])]


async def genexp_stop_async():
    out = []
    async for v in (stop_async(x) async for x in AIter("E", [1, 2, 3])):
        out.append(v)
    return out


async def genexp_stopiteration():
    out = []
    async for v in (stop_sync(x) async for x in AIter("F", [1, 2, 3])):
        out.append(v)
    return out


async def main():
    for func in (list_element, list_awaited_element, set_condition, sync_for_with_await,
                 list_stopiteration, genexp_stop_async, genexp_stopiteration):
        print(func.__name__ + ":")
        try:
            print("  returned", await func())
        except (StopAsyncIteration, StopIteration, RuntimeError) as e:
            print("  caught %s: %s" % (type(e).__name__, e))
            c = e.__cause__
            print("  cause:", type(c).__name__ if c is not None else None, c)
    return "done"


run(main())
