# async with: BaseExceptions reach __aexit__ too: KeyboardInterrupt suppressed, then SystemExit(3) passed through so the process exits with code 3
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
    def __init__(self, name, suppress):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("aenter", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None, repr(exc))
        await Suspend("aexit " + self.name)
        return self.suppress


async def main():
    async with Manager("ki", True):
        raise KeyboardInterrupt("suppressed interrupt")
    print("after suppressed KeyboardInterrupt")
    try:
        async with Manager("ge", False):
            raise GeneratorExit("plain GeneratorExit raised in body")
    except GeneratorExit as e:
        print("caught", type(e).__name__, e)
    async with Manager("exit", False):
        print("raising SystemExit(3)")
        raise SystemExit(3)
    print("unreachable")


run(main())
