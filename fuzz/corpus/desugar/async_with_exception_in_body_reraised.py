# async with: an exception in the body reaches __aexit__ (type, same instance, traceback) and is re-raised when __aexit__ returns None; last one is uncaught
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
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None, repr(exc))
        if exc is not None:
            print("  exc_type is type(exc):", exc_type is type(exc))
            print("  tb type:", type(tb).__name__, "| tb is exc.__traceback__:", tb is exc.__traceback__)
            if self.name in RAISED:
                print("  exc is the raised object:", exc is RAISED[self.name])
        await Suspend("aexit " + self.name)
        print("aexit", self.name, "returning None")


RAISED = {}


async def main():
    try:
        async with Manager("first") as m:
            print("body of", m.name, "raising")
            RAISED["first"] = err = ValueError("boom", 42)
            raise err
            print("unreachable")
        print("unreachable after block")
    except ValueError as e:
        print("caught outside:", type(e).__name__, e, "| same object:", e is RAISED["first"])

    try:
        async with Manager("second"):
            print("body raising the class ValueError (no instance)")
            raise ValueError
    except ValueError as e:
        print("caught outside:", type(e).__name__, repr(e))

    try:
        async with Manager("third"):
            await Suspend("body third")
            print("body: 1 / 0")
            1 / 0
    except ZeroDivisionError as e:
        print("caught outside:", type(e).__name__, e)

    async with Manager("fourth"):
        print("body raising KeyError, nobody catches it")
        raise KeyError("final")
    print("unreachable")


run(main())
