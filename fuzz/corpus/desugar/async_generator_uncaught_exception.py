# an exception escaping an async generator is not caught anywhere: traceback on stderr and exit status 1, after the generator's finally ran


class Suspend:
    """Awaitable that suspends once, handing its label to the driver, and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        reply = yield self.label
        return reply


def run(aw):
    """Drive one awaitable (a coroutine, agen.__anext__(), asend(), athrow(), aclose()) by hand."""
    n = 0
    reply = None
    try:
        while True:
            label = aw.send(reply)
            n += 1
            reply = "r%d" % n
            print("  driver: suspended at", repr(label), "-> resume with", repr(reply))
    except StopIteration as e:
        print("  driver: completed with", repr(e.value))
        return e.value
    except StopAsyncIteration:
        print("  driver: StopAsyncIteration")
    except Exception as e:
        print("  driver: raised %s: %s" % (type(e).__name__, e))


async def gen():
    try:
        yield 1
        await Suspend("before raise")
        raise KeyError("escaped from async generator")
    finally:
        print("gen finally")


async def main():
    async for x in gen():
        print("got", x)
    print("not reached")


coro = main()
while True:
    print("driver saw", coro.send(None))
