# asend(v) becomes the value of the yield expression; __anext__() sends None; asend(non-None) on a fresh generator; asend after the generator finished


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


async def accumulator():
    total = 0
    print("  gen: started")
    while True:
        v = yield total
        print("  gen: yield expression evaluated to", repr(v))
        if v is None:
            w = await Suspend("no value, waiting")
            print("  gen: await gave", repr(w))
            continue
        if v == "stop":
            print("  gen: stopping")
            return
        total += v


g = accumulator()
print("first asend(None)")
run(g.asend(None))
print("asend(5)")
run(g.asend(5))
print("asend(10)")
run(g.asend(10))
print("__anext__()")
run(g.__anext__())
print("asend(1)")
run(g.asend(1))
print("asend('stop')")
run(g.asend("stop"))
print("asend(2) after finish")
run(g.asend(2))
print("__anext__() after finish")
run(g.__anext__())

print("== asend(non-None) on a fresh generator")
g = accumulator()
run(g.asend("early"))
print("second attempt with asend(None)")
run(g.asend(None))
print("then asend(7)")
run(g.asend(7))
run(g.asend(None))
run(g.aclose())


async def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
            a = await Suspend("after %r" % (x,))
            received.append(a)
    finally:
        print("  echo finally, received", received)


async def use_echo():
    e = echo()
    print("  consumer got", await e.asend(None))
    print("  consumer got", await e.asend("x"))
    print("  consumer got", await e.__anext__())
    print("  consumer got", await e.asend(("t", 1)))
    await e.aclose()
    return "done"


print("== asend awaited from a coroutine")
run(use_echo())
