# async with a as x, b as y: second manager expression is evaluated after the first __aenter__; exits run in reverse order; suppression by the inner item hides the exception from the outer
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
        return "v_" + self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None, exc)
        await Suspend("aexit " + self.name)
        return self.suppress


def make(name, suppress=False):
    print("evaluating manager expression", name)
    return Manager(name, suppress)


async def main():
    print("-- two items")
    async with make("a") as x, make("b") as y:
        print("body", x, y)

    print("-- three items, mixed with and without as")
    async with make("a"), make("b") as y, make("c"):
        print("body", y)

    print("-- exception: b suppresses, a sees nothing")
    async with make("a") as x, make("b", suppress=True) as y:
        raise ValueError("body error")
    print("after block")

    print("-- exception: b passes it on, a suppresses")
    async with make("a", suppress=True) as x, make("b") as y:
        raise ValueError("body error 2")
    print("after block 2")

    print("-- second item uses the first target")
    async with make("first") as x, make(x + "_derived") as y:
        print("body", x, y)

    print("-- exception propagates through both")
    try:
        async with make("p") as x, make("q") as y:
            raise KeyError("both")
    except KeyError as e:
        print("caught", type(e).__name__, e)


run(main())
