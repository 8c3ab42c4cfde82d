# min-python: 3.9
# parenthesized multi-item async with (one line, multi-line, trailing comma, items without `as`): same semantics as the unparenthesized form
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
        return "v_" + self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None, exc)
        return False


async def main():
    print("-- one line")
    async with (Manager("a") as x, Manager("b") as y):
        print("body", x, y)

    print("-- multi-line with trailing comma")
    async with (
        Manager("c") as x,  # first item
        Manager("d") as y,
        Manager("e"),
    ):
        print("body", x, y)

    print("-- two items, no as: (A(), B()) is two managers, not a tuple")
    async with (Manager("f"), Manager("g")):
        print("body")

    print("-- single parenthesized item with as")
    async with (Manager("h") as h):
        print("body", h)

    print("-- parenthesized expression as a single manager")
    async with (Manager("i")) as i:
        print("body", i)

    print("-- tuple target inside parenthesized form")
    async with (Manager("j") as (p, *q), Manager("k") as z):
        print("body", p, q, z)

    print("-- exception")
    try:
        async with (Manager("l") as x,
                    Manager("m") as y):
            raise ValueError("inside " + x + y)
    except ValueError as e:
        print("caught", type(e).__name__, e)


run(main())
