# sys.set_asyncgen_hooks: firstiter runs when the first __anext__()/asend()/athrow()/aclose() awaitable is created; the finalizer receives an unfinished generator when it is freed (del, or gc.collect() for a cycle) and can close it by hand


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

import gc
import sys


def firstiter(agen):
    print("  hook firstiter:", agen.__name__)


def finalizer(agen):
    print("  hook finalizer:", agen.__name__, "- closing it by hand")
    run(agen.aclose())
    print("  hook finalizer: done")


async def gen(box=None):
    try:
        print("  gen: started")
        yield 1
        await Suspend("between")
        yield 2
    finally:
        print("  gen: finally")
        await Suspend("finally await")
        print("  gen: finally done")


gc.disable()
sys.set_asyncgen_hooks(firstiter, finalizer)

print("== never iterated: no hooks at all")
g = gen()
g.__name__ = "never"
del g
print("deleted")

print("== firstiter runs when the awaitable is created, before it is sent")
g = gen()
g.__name__ = "started"
print("creating __anext__()")
aw = g.__anext__()
print("created; sending")
run(aw)
del aw
print("second __anext__ (no second firstiter)")
run(g.__anext__())
print("del g")
del g
print("after del")

print("== exhausted: no finalizer")
g = gen()
g.__name__ = "exhausted"
for i in range(3):
    run(g.__anext__())
del g
print("after del")

print("== closed with aclose: no finalizer")
g = gen()
g.__name__ = "closed"
run(g.__anext__())
run(g.aclose())
del g
print("after del")

print("== reference cycle: finalizer runs during gc.collect()")
box = []
g = gen(box)
g.__name__ = "cyclic"
box.append(g)
run(g.__anext__())
del g, box
print("deleted; collecting")
gc.collect()
print("collected")

print("== first operation is aclose on a fresh generator")
g = gen()
g.__name__ = "aclose-first"
run(g.aclose())
del g
print("after del")

print("== first operation is athrow on a fresh generator")
g = gen()
g.__name__ = "athrow-first"
run(g.athrow(KeyError("k")))
del g
print("after del")

print("== awaitable created but never sent, then everything dropped")
g = gen()
g.__name__ = "created-only"
aw = g.__anext__()
del aw
del g
print("after del")


async def consumer():
    async for x in gen():
        print("  consumer got", x, "- breaking")
        break
    print("  consumer: after loop")
    return "consumer done"


print("== async for with break drops an unfinished generator")
run(consumer())

sys.set_asyncgen_hooks(None, None)
print("hooks reset")
gc.enable()
