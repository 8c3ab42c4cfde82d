# driving athrow()/aclose() awaitables by hand with send/throw: replying to awaits in the handler and in finally, throwing into an aclose() suspended in an awaiting finally and into an athrow() suspended in its handler


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
        try:
            yield 1
        except ValueError as e:
            print("  gen: ValueError handler:", e)
            r = await Suspend("handler await")
            print("  gen: handler await returned", repr(r))
            yield "handled"
    finally:
        print("  gen: finally")
        try:
            r = await Suspend("finally await")
            print("  gen: finally await returned", repr(r))
        except KeyError as e:
            print("  gen: KeyError inside finally:", e)
            r = await Suspend("finally await after KeyError")
        print("  gen: finally done")


def step(label, fn):
    try:
        print("  %s -> returned %r" % (label, fn()))
    except StopIteration as e:
        print("  %s -> StopIteration(%r)" % (label, e.value))
    except StopAsyncIteration:
        print("  %s -> StopAsyncIteration" % label)
    except BaseException as e:
        print("  %s -> %s: %s" % (label, type(e).__name__, e))




print("== aclose suspended in the finally's await; throw KeyError into it (caught there)")
g = gen()
run(g.__anext__())
aw = g.aclose()
step("send(None)", lambda: aw.send(None))
step("throw(KeyError)", lambda: aw.throw(KeyError("into aclose")))
step("send('x')", lambda: aw.send("x"))
run(g.__anext__())

print("== athrow suspended in the handler's await; reply, then the handler yields")
g = gen()
run(g.__anext__())
aw = g.athrow(ValueError("v1"))
step("send(None)", lambda: aw.send(None))
step("send('reply')", lambda: aw.send("reply"))
run(g.aclose())

print("== athrow suspended in the handler's await; throw KeyError into it")
g = gen()
run(g.__anext__())
aw = g.athrow(ValueError("v2"))
step("send(None)", lambda: aw.send(None))
step("throw(KeyError)", lambda: aw.throw(KeyError("into athrow")))
step("send('y')", lambda: aw.send("y"))
run(g.__anext__())

print("== aclose while suspended at the handler's yield: the finally's await gets the reply")
g = gen()
run(g.__anext__())
run(g.athrow(ValueError("v5")))
aw = g.aclose()
step("send(None)", lambda: aw.send(None))
step("send('final reply')", lambda: aw.send("final reply"))
step("send again", lambda: aw.send(None))
