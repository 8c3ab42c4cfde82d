# StopIteration raised in an async generator body becomes RuntimeError('async generator raised StopIteration') chained from it; caught inside it is fine; the generator is finished afterwards


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


async def raises_stop():
    yield 1
    await Suspend("before raise")
    raise StopIteration("inner value")


async def next_on_empty():
    it = iter([])
    yield "before next"
    yield next(it)


async def catches_stop():
    try:
        next(iter(()))
    except StopIteration:
        print("  gen: caught StopIteration inside")
        yield "recovered"
    try:
        raise StopIteration(5)
    except StopIteration as e:
        yield "caught again, value %r" % (e.value,)


async def stop_at_start():
    raise StopIteration
    yield


def show_chain(g, steps):
    for i in range(steps):
        aw = g.__anext__()
        try:
            while True:
                print("  driver: suspended at", repr(aw.send(None)))
        except StopIteration as e:
            print("  got", repr(e.value))
        except StopAsyncIteration:
            print("  StopAsyncIteration")
        except RuntimeError as e:
            print("  RuntimeError:", e)
            c = e.__cause__
            print("  __cause__:", type(c).__name__, c.args, "suppress_context", e.__suppress_context__)


for name, make in [
    ("raises_stop", raises_stop),
    ("next_on_empty", next_on_empty),
    ("catches_stop", catches_stop),
    ("stop_at_start", stop_at_start),
]:
    print("==", name)
    show_chain(make(), 4)


async def consumer():
    try:
        async for x in raises_stop():
            print("  body", x)
    except RuntimeError as e:
        print("  consumer caught RuntimeError:", e)
    return "ok"


print("== inside async for")
run(consumer())
