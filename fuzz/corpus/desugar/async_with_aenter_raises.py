# async with: an exception from __aenter__ (before or after suspending) or from the manager expression propagates and __aexit__ is never called; last one uncaught
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
    def __init__(self, name, suspend_first):
        self.name = name
        self.suspend_first = suspend_first

    async def __aenter__(self):
        print("aenter", self.name)
        if self.suspend_first:
            await Suspend("aenter " + self.name)
        raise ValueError("cannot enter " + self.name)

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, "(must never run)")
        return True


def manager_expression():
    print("evaluating manager expression")
    raise LookupError("expression failed")


async def main():
    try:
        async with Manager("immediate", False) as x:
            print("body (unreachable)")
    except ValueError as e:
        print("caught", type(e).__name__, e)

    try:
        async with Manager("after-suspend", True):
            print("body (unreachable)")
    except ValueError as e:
        print("caught", type(e).__name__, e)

    try:
        async with manager_expression() as x:
            print("body (unreachable)")
    except LookupError as e:
        print("caught", type(e).__name__, e)

    try:
        x
    except NameError as e:
        print("target never bound:", type(e).__name__)

    async with Manager("uncaught", True):
        print("body (unreachable)")


run(main())
