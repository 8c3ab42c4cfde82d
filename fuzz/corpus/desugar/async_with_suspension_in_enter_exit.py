# async with: several suspensions inside __aenter__/__aexit__ via different awaitables (custom __await__, types.coroutine generator, nested coroutine, plain-def method returning an awaitable); sent values flow back
import types
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


@types.coroutine
def gen_based(label):
    print("  gen_based start", label)
    got = yield "gen " + label
    print("  gen_based got", repr(got))
    return got


async def nested(label):
    a = await Suspend("nested-1 " + label)
    b = await Suspend("nested-2 " + label)
    return a + "+" + b


class Manager:
    async def __aenter__(self):
        print("aenter start")
        a = await Suspend("aenter-1")
        b = await gen_based("aenter")
        c = await nested("aenter")
        print("aenter collected", a, b, c)
        return [a, b, c]

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit start", exc_type)
        a = await Suspend("aexit-1")
        b = await gen_based("aexit")
        print("aexit collected", a, b)
        return False


class PlainDefManager:
    """__aenter__/__aexit__ are plain functions returning awaitables."""

    def __aenter__(self):
        print("plain __aenter__ called")
        return nested("plain-aenter")

    def __aexit__(self, exc_type, exc, tb):
        print("plain __aexit__ called", exc_type)
        return gen_based("plain-aexit")


class NoSuspend:
    async def __aenter__(self):
        print("NoSuspend aenter")
        return "nothing awaited"

    async def __aexit__(self, *args):
        print("NoSuspend aexit")


async def main():
    async with Manager() as values:
        print("body values", values)
        print("body awaited", await Suspend("body"))
    async with PlainDefManager() as v:
        print("body plain", v)
    async with NoSuspend() as v:
        print("body no suspension", v)
    return "main done"


run(main())
