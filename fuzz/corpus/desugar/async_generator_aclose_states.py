# aclose() on a fresh, a suspended, an exhausted and an already closed async generator; GeneratorExit seen by except/finally; handler that returns, that raises another exception


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


async def gen(tag):
    print("  gen %s: started" % tag)
    try:
        yield 1
        await Suspend("%s between yields" % tag)
        yield 2
    except GeneratorExit as e:
        print("  gen %s: GeneratorExit args %r" % (tag, e.args))
        raise
    finally:
        print("  gen %s: finally" % tag)


print("== aclose on a fresh generator: body never runs")
g = gen("fresh")
run(g.aclose())
print("  then __anext__:")
run(g.__anext__())
print("  then aclose again:")
run(g.aclose())

print("== aclose on a suspended generator")
g = gen("suspended")
run(g.__anext__())
run(g.aclose())
print("  then __anext__:")
run(g.__anext__())
print("  then aclose again:")
run(g.aclose())

print("== aclose on an exhausted generator")
g = gen("exhausted")
run(g.__anext__())
run(g.__anext__())
run(g.__anext__())
run(g.aclose())

print("== aclose after an exception finished it")
g = gen("failed")
run(g.__anext__())
run(g.athrow(ZeroDivisionError("boom")))
run(g.aclose())


async def returns_on_exit():
    try:
        yield "r"
    except GeneratorExit:
        print("  returns_on_exit: swallowing GeneratorExit with return")
        return


async def raises_on_exit():
    try:
        yield "x"
    finally:
        print("  raises_on_exit: raising from finally")
        raise LookupError("raised while closing")


async def catches_and_continues_without_yield():
    try:
        yield "c"
    except GeneratorExit:
        print("  caught GeneratorExit, doing sync work only")
    print("  after the handler, falling off the end")


for make in (returns_on_exit, raises_on_exit, catches_and_continues_without_yield):
    print("==", make.__name__)
    g = make()
    run(g.__anext__())
    run(g.aclose())
    run(g.__anext__())


async def consumer():
    g = gen("consumer")
    async for x in g:
        print("  consumer got", x, "- closing")
        await g.aclose()
        print("  consumer: aclose done")
    print("  consumer: loop ended after aclose")
    return "done"


print("== aclose from inside the async for over the same generator")
run(consumer())
