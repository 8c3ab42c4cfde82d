# nested async with blocks: exit order inner->outer; inner non-suppressed exception reaches outer __aexit__; an inner suppression hides it from outer
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
        print("aenter", self.name)
        await Suspend("aenter " + self.name)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None, exc, "-> suppress" if self.suppress else "")
        await Suspend("aexit " + self.name)
        return self.suppress


async def main():
    print("-- normal")
    async with Manager("a") as a:
        async with Manager("b") as b:
            print("body", a, b)
        print("between", a, b)

    print("-- inner raises, outer suppresses")
    async with Manager("outer", suppress=True):
        async with Manager("inner"):
            raise ValueError("inner error")
        print("unreachable")
    print("after outer")

    print("-- inner suppresses")
    async with Manager("outer2"):
        async with Manager("inner2", suppress=True):
            raise KeyError("hidden")
        print("after inner2 inside outer2")

    print("-- neither suppresses")
    try:
        async with Manager("x"):
            async with Manager("y"):
                async with Manager("z"):
                    raise TypeError("deep")
    except TypeError as e:
        print("caught", type(e).__name__, e)

    print("-- same manager object used for both levels")
    m = Manager("shared")
    async with m as p:
        async with m as q:
            print("body", p, q)


run(main())
