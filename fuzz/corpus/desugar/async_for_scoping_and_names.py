# async for: global and nonlocal targets, closures capturing the loop variable, and user names like it/iterator/anext/exc/e/stop that must survive the loop
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


class AIter:
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


G = "before"


async def set_global():
    global G
    async for G in AIter(["g1", "g2"]):
        pass


async def set_nonlocal():
    n = "before"

    async def inner():
        nonlocal n
        async for n in AIter(["n1", "n2"]):
            pass
    await inner()
    return n


async def closures():
    late = []
    early = []
    async for v in AIter([1, 2, 3]):
        late.append(lambda: v)
        early.append(lambda v=v: v)
    return [f() for f in late], [f() for f in early]


async def common_names():
    it = "user it"
    iterator = "user iterator"
    anext = "user anext"
    aiter = "user aiter"
    exc = "user exc"
    e = "user e"
    stop = "user stop"
    StopAsyncIteration_ = "user name"
    async for value in AIter([1]):
        pass
    async for value in AIter([]):
        pass
    print("names after:", it, iterator, anext, aiter, exc, e, stop, StopAsyncIteration_, value)


class Holder:
    async def method(self):
        async for self.attr in AIter(["m1", "m2"]):
            pass
        return self.attr


async def main():
    await set_global()
    print("G =", G)
    print("nonlocal =", await set_nonlocal())
    print("closures =", await closures())
    await common_names()
    print("method =", await Holder().method())


run(main())
