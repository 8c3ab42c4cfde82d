# athrow() on a generator that was never started: the exception is raised at the top of the body without running it; the generator is finished afterwards


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
    print("  gen: body started (should not happen on athrow)")
    try:
        yield 1
    except ValueError:
        print("  gen: caught ValueError")
        yield "caught"
    finally:
        print("  gen: finally")


def report(aw):
    try:
        while True:
            print("  driver: suspended at", repr(aw.send(None)))
    except StopIteration as e:
        print("  completed", repr(e.value))
    except StopAsyncIteration:
        print("  StopAsyncIteration")
    except Exception as e:
        print("  raised %s%r" % (type(e).__name__, e.args))


print("== athrow(ValueError) on a fresh generator")
g = gen()
report(g.athrow(ValueError("fresh")))
print("__anext__ afterwards")
report(g.__anext__())

print("== athrow(KeyError class) on a fresh generator")
g = gen()
report(g.athrow(KeyError))
report(g.asend(None))

print("== athrow after a non-None asend failed (still fresh)")
g = gen()
report(g.asend("x"))
report(g.athrow(ValueError("still fresh")))
report(g.__anext__())
