# aclose() when the generator yields while handling GeneratorExit (in finally or in an except GeneratorExit): RuntimeError('async generator ignored GeneratorExit'); an await in finally is fine, a yield is not


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


async def yields_in_finally():
    try:
        yield 1
    finally:
        print("  yields_in_finally: finally, awaiting first")
        await Suspend("finally await")
        print("  yields_in_finally: now yielding")
        yield "from finally"
        print("  yields_in_finally: resumed after the yield in finally")


async def yields_in_handler():
    try:
        yield 1
    except GeneratorExit:
        print("  yields_in_handler: caught GeneratorExit, yielding")
        yield "from handler"
        print("  yields_in_handler: resumed")
    yield "after handler"


async def ignores_exit():
    for i in range(4):
        try:
            yield "tick %d" % i
        except GeneratorExit:
            print("  ignores_exit: ignoring GeneratorExit")
    print("  ignores_exit: loop over")


def report(aw):
    try:
        while True:
            print("  driver: suspended at", repr(aw.send(None)))
    except StopIteration as e:
        print("  completed", repr(e.value))
    except StopAsyncIteration:
        print("  StopAsyncIteration")
    except BaseException as e:
        print("  raised %s: %s" % (type(e).__name__, e))


for make in (yields_in_finally, yields_in_handler, ignores_exit):
    print("==", make.__name__)
    g = make()
    report(g.__anext__())
    print(" aclose:")
    report(g.aclose())
    print(" __anext__ after the failed aclose:")
    report(g.__anext__())
    print(" aclose again:")
    report(g.aclose())
    print(" __anext__:")
    report(g.__anext__())
    print(" athrow(KeyError):")
    report(g.athrow(KeyError("end")))
    print(" __anext__ until exhausted:")
    for i in range(3):
        report(g.__anext__())


async def yields_on_normal_finally():
    try:
        yield 1
    finally:
        yield "finally yield on normal exit is allowed"


print("== yield in finally reached without aclose")
g = yields_on_normal_finally()
report(g.__anext__())
report(g.__anext__())
report(g.__anext__())
