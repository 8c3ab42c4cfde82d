# async with whose body is on the same line as the header (single and `;`-separated statements, pass, await, nested in one-line if)
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
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is ZeroDivisionError


async def main():
    async with Manager("a"): print("one statement")
    async with Manager("b") as v: print("first", v); print("second", v)
    async with Manager("c"): pass
    async with Manager("d") as v: print("awaited", await Suspend("body " + v))
    async with Manager("e"), Manager("f") as v: print("two items", v)
    async with Manager("g"): x = 1; x = x / 0; print("unreachable")
    print("x =", x)
    for i in range(2):
        async with Manager("loop%d" % i): continue
    if True:
        async with Manager("in-if"): print("inside if")
    async with Manager("ret"): return "returned from one-liner"


run(main())
