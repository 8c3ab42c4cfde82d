# ordinary exceptions raised in the body or by an awaited object propagate out of __anext__/asend (finally blocks run, awaits in them suspend the driver) and leave the generator finished


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


class Failing:
    """Awaitable that suspends once and then raises."""

    def __init__(self, label, exc):
        self.label = label
        self.exc = exc

    def __await__(self):
        yield self.label
        raise self.exc


async def body_raises():
    try:
        yield 1
        await Suspend("before ValueError")
        raise ValueError("bad value")
    finally:
        print("  gen: finally of body_raises")
        await Suspend("cleanup await")
        print("  gen: cleanup finished")


async def await_raises():
    yield "a"
    try:
        await Failing("failing await", KeyError("from awaitable"))
    except KeyError as e:
        print("  gen: caught", repr(e), "- yielding instead")
        yield "handled"
    await Failing("failing await 2", LookupError("not caught"))
    yield "unreachable"


async def raise_from_yield_point():
    try:
        yield "x"
    except ZeroDivisionError:
        print("  gen: never thrown")
    1 / 0


async def reraise_as_other():
    try:
        yield 1
        raise KeyError("orig")
    except KeyError as e:
        raise TypeError("converted") from e


for name, make in [
    ("body_raises", body_raises),
    ("await_raises", await_raises),
    ("raise_from_yield_point", raise_from_yield_point),
]:
    print("==", name)
    g = make()
    for i in range(4):
        run(g.__anext__())

print("== reraise_as_other")
g = reraise_as_other()
run(g.__anext__())
try:
    g.__anext__().send(None)
except TypeError as e:
    print("  TypeError", e, "cause", repr(e.__cause__), "context is cause", e.__context__ is e.__cause__)
run(g.__anext__())


async def consumer():
    got = []
    try:
        async for x in body_raises():
            got.append(x)
            print("  body", x)
    except ValueError as e:
        print("  consumer caught", repr(e), "after", got)
    try:
        async for x in await_raises():
            print("  body", x)
    except LookupError as e:
        print("  consumer caught", repr(e))
    return "done"


print("== through async for")
run(consumer())


async def plain_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  gen: plain_finally finally (no await)")


async def consumer_raises():
    async for x in plain_finally():
        print("  body got", x, "- consumer raises")
        raise IndexError("from loop body")


print("== exception in the consumer's loop body; generator is dropped unfinished")
run(consumer_raises())
