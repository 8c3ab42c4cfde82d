# consuming an async generator by hand through the __anext__()/asend() awaitable objects themselves: send(None), send(value) as the first send, throw() at an await point, before the first send and into a fresh generator


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
            try:
                r = await Suspend("await %d" % i)
                print("  gen: await %d returned %r" % (i, r))
            except KeyError as e:
                print("  gen: KeyError at await %d: %s" % (i, e))
                r = "recovered"
            sent = yield "value %d (%s)" % (i, r)
            print("  gen: yield %d returned %r" % (i, sent))
    finally:
        print("  gen: finally")


def step(label, fn):
    try:
        print("  %s -> returned %r" % (label, fn()))
    except StopIteration as e:
        print("  %s -> StopIteration(%r)" % (label, e.value))
    except StopAsyncIteration:
        print("  %s -> StopAsyncIteration" % label)
    except BaseException as e:
        print("  %s -> %s: %s" % (label, type(e).__name__, e))


print("== send(None) then send(reply)")
g = gen()
aw = g.__anext__()
step("send(None)", lambda: aw.send(None))
step("send('reply')", lambda: aw.send("reply"))

print("== throw() into the awaitable while it is suspended at an await: the body catches it")
aw = g.asend("asend value")
step("send(None)", lambda: aw.send(None))
step("throw(KeyError)", lambda: aw.throw(KeyError("thrown into await")))

print("== a non-None first send on an asend awaitable replaces the asend value")
aw = g.asend("original")
step("send('replacement')", lambda: aw.send("replacement"))
step("send('after')", lambda: aw.send("after"))
run(g.__anext__())

print("== throw() not caught by the body propagates and finishes the generator")
g = gen()
run(g.__anext__())
aw = g.__anext__()
step("send(None)", lambda: aw.send(None))
step("throw(ValueError)", lambda: aw.throw(ValueError("not caught")))
run(g.__anext__())

print("== non-None first send on a fresh generator's __anext__ awaitable")
g = gen()
step("send('x')", lambda: g.__anext__().send("x"))
run(g.__anext__())
run(g.aclose())


async def guarded():
    try:
        yield "first"
    except KeyError as e:
        print("  guarded: KeyError at the yield:", e)
        yield "after KeyError"
    finally:
        print("  guarded: finally")


print("== throw() into an __anext__ awaitable before its first send, generator suspended at a yield")
g = guarded()
run(g.__anext__())
aw = g.__anext__()
step("throw(KeyError) unsent", lambda: aw.throw(KeyError("early")))
step("send(None) afterwards", lambda: aw.send(None))
run(g.__anext__())
run(g.__anext__())

print("== throw() into an unsent awaitable of a fresh generator")
g = guarded()
aw = g.__anext__()
step("throw(KeyError) unsent", lambda: aw.throw(KeyError("fresh")))
run(g.__anext__())
