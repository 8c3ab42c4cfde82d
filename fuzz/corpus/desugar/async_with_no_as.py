# async with without `as`: __aenter__ is still called and awaited (its result discarded); works with any expression as the manager
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
        got = await Suspend("aenter " + self.name)
        print("aenter", self.name, "result discarded:", got)
        return got

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type)
        return None


MANAGERS = {"k": Manager("from-dict")}


class Box:
    m = Manager("from-attribute")


async def main():
    async with Manager("direct"):
        print("body direct")
    m = Manager("variable")
    async with m:
        print("body variable")
    async with MANAGERS["k"]:
        print("body subscript")
    async with Box.m:
        print("body attribute")
    async with (lambda: Manager("call"))():
        print("body call")
    async with Manager("cond") if m else None:
        print("body conditional expression")
    async with Manager("outer"), Manager("inner"):
        print("body two without as")
    async with m:
        pass
    print("done")


run(main())
