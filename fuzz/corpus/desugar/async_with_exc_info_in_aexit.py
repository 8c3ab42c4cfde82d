# async with: what sys.exc_info() shows inside __aenter__, the body and __aexit__ (normal exit, body error, inside an outer except handler) and after a suppressed error
import sys
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


def current():
    t = sys.exc_info()[0]
    return t.__name__ if t else None


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("  aenter", self.name, "exc_info:", current())
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("  aexit", self.name, "got", exc_type.__name__ if exc_type else None, "exc_info:", current())
        await Suspend("aexit " + self.name)
        print("  aexit", self.name, "after suspension exc_info:", current())
        return self.suppress


async def main():
    print("normal exit:")
    async with Manager("n"):
        print("  body exc_info:", current())
    print("  after exc_info:", current())

    print("body error, suppressed:")
    async with Manager("s", suppress=True):
        raise ValueError("x")
    print("  after exc_info:", current())

    print("inside an outer handler:")
    try:
        raise KeyError("outer")
    except KeyError:
        async with Manager("h1"):
            print("  body exc_info:", current())
        async with Manager("h2", suppress=True):
            raise IndexError("inner")
        print("  after inner suppression exc_info:", current())
    print("  after handler exc_info:", current())


run(main())
