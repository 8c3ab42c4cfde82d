# reusing an __anext__()/asend()/athrow()/aclose() awaitable after it completed or raised; sending to it again, throwing into it, closing it (each version prints what it does)
import sys


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
        x = yield 1
        print("  gen: got", repr(x))
        await Suspend("between")
        x = yield 2
        print("  gen: got", repr(x))
        yield 3
    except ValueError as e:
        print("  gen: caught", e)
        yield "after ValueError"
    finally:
        print("  gen: finally")


def again(label, fn):
    try:
        r = fn()
        print("  %s -> returned %r" % (label, r))
    except StopIteration as e:
        print("  %s -> StopIteration(%r)" % (label, e.value))
    except StopAsyncIteration:
        print("  %s -> StopAsyncIteration" % label)
    except BaseException as e:
        print("  %s -> %s: %s" % (label, type(e).__name__, e))


g = gen()
print("== __anext__ awaitable reused")
aw = g.__anext__()
run(aw)
again("send(None) again", lambda: aw.send(None))
again("send('v') again", lambda: aw.send("v"))
again("throw(KeyError) into it", lambda: aw.throw(KeyError("k")))
again("close() it", lambda: aw.close())
again("send(None) after close", lambda: aw.send(None))

print("== asend awaitable reused while the generator is suspended at an await")
aw = g.asend("A")
again("first send", lambda: aw.send(None))
again("second send", lambda: aw.send("resume"))
again("third send", lambda: aw.send(None))
again("fourth send", lambda: aw.send(None))

print("== athrow awaitable reused")
aw = g.athrow(ValueError("once"))
run(aw)
again("send again", lambda: aw.send(None))
again("throw into it", lambda: aw.throw(KeyError("k2")))

print("== aclose awaitable reused")
aw = g.aclose()
run(aw)
again("send again", lambda: aw.send(None))
again("close() it", lambda: aw.close())

print("== awaitable that raised")
g2 = gen()
run(g2.__anext__())
aw = g2.athrow(KeyError("kk"))
run(aw)
again("send again", lambda: aw.send(None))

print("== awaiting the same awaitable twice in a coroutine")


async def twice():
    g = gen()
    aw = g.__anext__()
    print("  first await", await aw)
    try:
        print("  second await", await aw)
    except BaseException as e:
        print("  second await raised", type(e).__name__, e)
    await g.aclose()
    return "twice done"


run(twice())
