# athrow() into a suspended async generator that catches the exception and returns (or falls off the end): StopAsyncIteration; awaits before returning suspend the driver


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


async def returns_on_error():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("  gen: caught", e.args, "- cleaning up")
        r = await Suspend("async cleanup")
        print("  gen: cleanup await returned", repr(r))
        return
    finally:
        print("  gen: finally")
    yield "not after error"


async def falls_off_on_error():
    try:
        yield "a"
    except LookupError:
        print("  gen: swallowed LookupError, falling off")


g = returns_on_error()
print("start")
run(g.__anext__())
print("athrow(ValueError('stop please'))")
run(g.athrow(ValueError("stop please")))
print("__anext__ after")
run(g.__anext__())
print("athrow into the exhausted generator")
run(g.athrow(ValueError("late")))

g = falls_off_on_error()
print("== falls off after catching")
run(g.__anext__())
run(g.athrow(KeyError("k")))
run(g.__anext__())


async def consumer():
    g = returns_on_error()
    async for x in g:
        print("  consumer got", x)
        try:
            await g.athrow(ValueError("from consumer"))
        except StopAsyncIteration:
            print("  consumer: athrow raised StopAsyncIteration")
    print("  consumer: loop over")
    return "ok"


print("== from a coroutine")
run(consumer())
