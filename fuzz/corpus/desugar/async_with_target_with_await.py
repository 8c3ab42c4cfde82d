# async with ... as d[await key()]: the target's subexpressions (including an await that suspends) are evaluated after __aenter__; a failure there reaches __aexit__
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
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("aenter", self.name)
        await Suspend("aenter " + self.name)
        return "entered-" + self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None, exc)
        return False


async def key(k):
    print("computing key", k)
    got = await Suspend("key " + k)
    return k + ":" + got


async def bad_key():
    print("computing bad key")
    await Suspend("bad key")
    raise KeyError("key failed")


class Holder:
    pass


async def main():
    d = {}
    async with Manager("m1") as d[await key("a")]:
        print("body d =", d)

    h = Holder()
    h.items = {}
    async with Manager("m2") as h.items[await key("b")]:
        print("body h.items =", h.items)

    try:
        async with Manager("m3") as d[await bad_key()]:
            print("body (unreachable)")
    except KeyError as e:
        print("caught", type(e).__name__, e)
    print("final d =", sorted(d.items()))


run(main())
