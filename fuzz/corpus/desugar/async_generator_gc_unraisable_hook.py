# min-python: 3.8
# what closing an unfinished async generator on garbage collection reports, seen through sys.unraisablehook: a finally that awaits or yields gives RuntimeError('async generator ignored GeneratorExit'), one that raises gives that exception


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


def hook(unraisable):
    obj = unraisable.object
    print("  unraisablehook: %s: %s (err_msg %r, object %s)" % (
        unraisable.exc_type.__name__, unraisable.exc_value, unraisable.err_msg,
        getattr(obj, "__qualname__", type(obj).__name__)))


sys.unraisablehook = hook


async def awaits_in_finally():
    try:
        yield 1
    finally:
        print("  awaits_in_finally: finally starts")
        await Suspend("cleanup")
        print("  awaits_in_finally: never printed")


async def yields_in_handler():
    try:
        yield 1
    except GeneratorExit:
        print("  yields_in_handler: yielding while closing")
        yield "ignored"


async def raises_in_finally():
    try:
        yield 1
    finally:
        raise KeyError("from finally during close")


async def fine():
    try:
        yield 1
    finally:
        print("  fine: finally, nothing reported")


gc.disable()
for make in (awaits_in_finally, yields_in_handler, raises_in_finally, fine):
    print("==", make.__name__)
    g = make()
    run(g.__anext__())
    print(" del")
    del g
    print(" after del")

print("== same failure from gc.collect() on a cycle")


async def cyclic(box):
    try:
        yield len(box)
    finally:
        print("  cyclic: finally starts")
        await Suspend("cyclic cleanup")


box = []
g = cyclic(box)
box.append(g)
run(g.__anext__())
del g, box
print(" collecting")
gc.collect()
print(" collected")
gc.enable()
