# async with: global and nonlocal targets, targets captured by closures, and user names like mgr/exit/enter/exc/e/tb that must survive the block
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


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        return "value-" + self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress


G = "global-before"


async def set_global():
    global G
    async with Manager("g") as G:
        print("inside, G =", G)


async def set_nonlocal():
    n = "nonlocal-before"

    async def inner():
        nonlocal n
        async with Manager("n") as n:
            pass
    await inner()
    return n


async def closures():
    fs = []
    for i in range(3):
        async with Manager("c%d" % i) as v:
            fs.append(lambda v=v: v)
            last = lambda: v
    return [f() for f in fs], last()


async def common_names():
    mgr = "user mgr"
    exit = "user exit"
    enter = "user enter"
    exc = "user exc"
    e = "user e"
    tb = "user tb"
    ok = "user ok"
    value = "user value"
    async with Manager("names", suppress=True) as value:
        raise ValueError("suppressed")
    async with Manager("names2"):
        pass
    print("names after:", mgr, exit, enter, exc, e, tb, ok, value)


class Holder:
    async def method(self):
        async with Manager("method") as self.attr:
            pass
        return self.attr


async def main():
    await set_global()
    print("G =", G)
    print("nonlocal =", await set_nonlocal())
    print("closures =", await closures())
    await common_names()
    print("method attr =", await Holder().method())


run(main())
