# async for: __aiter__ is called exactly once; __anext__ is looked up on the type at every step (instance attributes and __getattr__ ignored, class-level replacement mid-loop takes effect)
class Suspend:
    """Awaitable that yields its label to the driver once and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


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


class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
        self.aiter_calls = 0

    def __aiter__(self):
        self.aiter_calls += 1
        print("  Counter.__aiter__ call", self.aiter_calls)
        return self

    async def __anext__(self):
        await Suspend("anext %d" % self.i)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

    def __getattr__(self, name):
        print("  __getattr__", name, "(must not happen)")
        raise AttributeError(name)


async def instance_anext():
    print("  instance __anext__ (must not run)")
    return "from instance"


def instance_aiter():
    print("  instance __aiter__ (must not run)")
    return None


class Swappable:
    def __init__(self):
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        print("  original __anext__", self.i)
        if self.i == 2:
            print("  replacing Swappable.__anext__ on the class")
            Swappable.__anext__ = replacement
        return self.i


async def replacement(self):
    self.i += 1
    print("  replacement __anext__", self.i)
    if self.i > 4:
        raise StopAsyncIteration
    return self.i * 10


class Outer:
    def __aiter__(self):
        print("  Outer.__aiter__ returns a separate iterator")
        return Counter(2)

    async def __anext__(self):
        print("  Outer.__anext__ (must not run)")
        raise StopAsyncIteration


async def main():
    c = Counter(3)
    c.__anext__ = instance_anext
    c.__aiter__ = instance_aiter
    async for x in c:
        print("body", x)
    print("aiter_calls =", c.aiter_calls)

    async for x in Swappable():
        print("body", x)

    async for x in Outer():
        print("body", x)


run(main())
