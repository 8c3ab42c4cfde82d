# asyncgen hooks are captured per generator at its first iteration: changing or clearing them later does not affect it; generators started before hooks were set get no finalizer; a finalizer that ignores the generator means its finally never runs; get_asyncgen_hooks and bad arguments


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


def make_hooks(tag, close=True):
    def firstiter(agen):
        print("  [%s] firstiter %s" % (tag, agen.__name__))

    def finalizer(agen):
        print("  [%s] finalizer %s" % (tag, agen.__name__))
        if close:
            run(agen.aclose())
        else:
            print("  [%s] not closing it" % tag)

    return firstiter, finalizer


async def gen():
    try:
        yield "v"
    finally:
        print("  gen finally")


def start(name):
    g = gen()
    g.__name__ = name
    run(g.__anext__())
    return g


gc.disable()
print("== hooks read back")
fi_a, fin_a = make_hooks("A")
print("initially None:", sys.get_asyncgen_hooks() == (None, None))
sys.set_asyncgen_hooks(fi_a, fin_a)
h = sys.get_asyncgen_hooks()
print("firstiter is A:", h.firstiter is fi_a, "finalizer is A:", h.finalizer is fin_a, "tuple:", h[0] is fi_a, h[1] is fin_a)

print("== generator started under A, hooks switched to B before it is freed")
g = start("g1")
fi_b, fin_b = make_hooks("B")
sys.set_asyncgen_hooks(firstiter=fi_b, finalizer=fin_b)
del g
print("after del g1")

print("== only firstiter replaced (keyword), finalizer kept")
fi_c, _ = make_hooks("C")
sys.set_asyncgen_hooks(firstiter=fi_c)
h = sys.get_asyncgen_hooks()
print("firstiter is C:", h.firstiter is fi_c, "finalizer still B:", h.finalizer is fin_b)
g = start("g2")
del g
print("after del g2")

print("== generator started with no hooks, hooks set afterwards")
sys.set_asyncgen_hooks(None, None)
g = start("g3")
sys.set_asyncgen_hooks(fi_a, fin_a)
del g
print("after del g3 (closed by the default close-on-dealloc)")

# Left out, a known difference: a finalizer hook that neither closes the
# generator nor keeps it alive. CPython then frees it without running its
# finally; the desugared generator is closed (finally runs) when freed.
fi_d, fin_d = make_hooks("D", close=False)

print("== firstiter only (no finalizer): closed on dealloc")
sys.set_asyncgen_hooks(fi_d, None)
g = start("g5")
del g
print("after del g5")

print("== a firstiter that raises")


def bad_firstiter(agen):
    print("  bad_firstiter for", agen.__name__)
    raise ValueError("firstiter failed")


sys.set_asyncgen_hooks(bad_firstiter, None)
g = gen()
g.__name__ = "g6"
try:
    g.__anext__()
except ValueError as e:
    print("  __anext__() raised", e)
sys.set_asyncgen_hooks(None, None)
print("  hooks cleared; retry:")
run(g.__anext__())
run(g.__anext__())

print("== bad arguments")
for kwargs in ({"firstiter": 42}, {"finalizer": "nope"}):
    try:
        sys.set_asyncgen_hooks(**kwargs)
    except TypeError as e:
        print("  TypeError:", e)
print("  hooks unchanged:", sys.get_asyncgen_hooks() == (None, None))
gc.enable()
