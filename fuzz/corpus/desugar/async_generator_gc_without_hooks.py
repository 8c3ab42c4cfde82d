# unfinished async generators freed with no asyncgen finalizer hook set are closed synchronously: a plain finally runs; a finally that awaits or yields makes close() fail with 'async generator ignored GeneratorExit', reported on stderr as an ignored exception


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


async def plain():
    try:
        yield 1
    finally:
        print("  plain: finally runs during del")


async def awaits_in_finally():
    try:
        yield 1
    finally:
        print("  awaits_in_finally: finally starts")
        await Suspend("cleanup")
        print("  awaits_in_finally: never printed")


async def yields_in_finally():
    try:
        yield 1
    finally:
        print("  yields_in_finally: finally starts")
        yield 2
        print("  yields_in_finally: never printed")


async def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  catches_exit: got GeneratorExit, re-raising")
        raise


async def suspended_in_await():
    try:
        await Suspend("parked in an await")
        yield "never"
    finally:
        print("  suspended_in_await: finally during del")


gc.disable()
print("hooks:", sys.get_asyncgen_hooks() == (None, None))
for make in (plain, awaits_in_finally, yields_in_finally, catches_exit):
    print("==", make.__name__)
    g = make()
    run(g.__anext__())
    print(" del")
    del g
    sys.stdout.flush()
    sys.stderr.flush()
    print(" after del")

print("== freed while an __anext__ is suspended at an await")
g = suspended_in_await()
aw = g.__anext__()
print("  suspended at", aw.send(None))
del aw, g
print(" after del")

print("== reference cycle freed by gc.collect()")
box = []


async def cyclic(box):
    try:
        yield "box of %d" % len(box)
    finally:
        print("  cyclic: finally during collection")


g = cyclic(box)
box.append(g)
run(g.__anext__())
del g, box
print(" collecting")
gc.collect()
print(" collected")
gc.enable()
