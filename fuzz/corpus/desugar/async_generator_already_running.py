# min-python: 3.8
# two awaitables in flight on one async generator: a second __anext__/asend/athrow/aclose while the first is suspended at an await raises RuntimeError 'already running'; the first one is unaffected


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
        for i in range(3):
            r = await Suspend("await %d" % i)
            print("  gen: await %d returned %r" % (i, r))
            yield i
    finally:
        print("  gen: finally")


def attempt(label, aw):
    try:
        print("  %s: suspended at %r" % (label, aw.send(None)))
    except StopIteration as e:
        print("  %s: completed with %r" % (label, e.value))
    except StopAsyncIteration:
        print("  %s: StopAsyncIteration" % label)
    except RuntimeError as e:
        print("  %s: RuntimeError: %s" % (label, e))


g = gen()
first = g.__anext__()
print("first __anext__ suspends:", first.send(None))
attempt("second __anext__", g.__anext__())
attempt("asend('x')", g.asend("x"))
attempt("athrow(ValueError)", g.athrow(ValueError("v")))
attempt("aclose()", g.aclose())
print("an awaitable that is only created, not sent, is fine:")
pending = g.__anext__()
print("resume the first one:")
try:
    first.send("resume-first")
except StopIteration as e:
    print("  first completed with", repr(e.value))
print("now the pending one can run:")
run(pending)
print("a third __anext__ in flight blocks aclose until it completes:")
third = g.__anext__()
attempt("third __anext__", third)
attempt("aclose() meanwhile", g.aclose())
try:
    third.send("resume-third")
except StopIteration as e:
    print("  third completed with", repr(e.value))
run(g.aclose())


async def inner_consumer(g):
    return await g.__anext__()


async def racer():
    g = gen()
    a = inner_consumer(g)
    b = inner_consumer(g)
    print("  racer: a suspends at", a.send(None))
    try:
        b.send(None)
    except RuntimeError as e:
        print("  racer: b failed:", e)
    try:
        a.send("for a")
    except StopIteration as e:
        print("  racer: a got", e.value)
    await g.aclose()
    return "racer done"


print("== two coroutines sharing one generator")
run(racer())
