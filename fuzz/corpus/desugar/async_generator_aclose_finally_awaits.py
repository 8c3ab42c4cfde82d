# aclose() when the finally block / GeneratorExit handler awaits: every await suspends the driver of the aclose() awaitable, which then completes with None


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
    def __await__(self):
        yield "failing cleanup step"
        raise OSError("cleanup failed")


async def gen():
    try:
        yield "only value"
    finally:
        print("  gen: finally starts")
        a = await Suspend("cleanup 1")
        print("  gen: cleanup 1 returned", repr(a))
        b = await Suspend("cleanup 2")
        print("  gen: cleanup 2 returned", repr(b))


async def handler_awaits():
    try:
        yield 1
    except GeneratorExit:
        print("  handler_awaits: GeneratorExit, awaiting")
        r = await Suspend("in GeneratorExit handler")
        print("  handler_awaits: handler await returned", repr(r))
        raise
    finally:
        await Suspend("then finally")
        print("  handler_awaits: finally done")


async def cleanup_fails():
    try:
        yield 1
    finally:
        try:
            await Failing()
        except OSError as e:
            print("  cleanup_fails: caught", e)
        await Failing()


async def nested_finally():
    try:
        try:
            yield 1
        finally:
            await Suspend("inner finally")
            print("  nested: inner finally done")
    finally:
        await Suspend("outer finally")
        print("  nested: outer finally done")


for make in (gen, handler_awaits, cleanup_fails, nested_finally):
    print("==", make.__name__)
    g = make()
    run(g.__anext__())
    run(g.aclose())
    run(g.aclose())


async def consumer():
    g = gen()
    async for x in g:
        print("  consumer got", repr(x))
        break
    print("  consumer: broke out, closing explicitly")
    await g.aclose()
    print("  consumer: closed")
    return "done"


print("== aclose awaited by a coroutine")
run(consumer())
