# athrow() with an exception the generator does not catch: it propagates out of the awaitable after finally blocks (which may await) ran; class, instance and BaseException subclasses; athrow on an exhausted generator


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
            yield 2
        except KeyError:
            print("  gen: KeyError handler (not this one)")
            yield "no"
    finally:
        print("  gen: finally")
        r = await Suspend("finally await")
        print("  gen: finally await returned", repr(r))


def athrow_report(g, exc):
    aw = g.athrow(exc)
    try:
        while True:
            print("  driver: suspended at", repr(aw.send(None)))
    except StopIteration as e:
        print("  completed", repr(e.value))
    except StopAsyncIteration:
        print("  StopAsyncIteration")
    except BaseException as e:
        print("  propagated %s%r same object: %s" % (type(e).__name__, e.args, e is exc))


print("== instance")
g = gen()
run(g.__anext__())
athrow_report(g, ValueError("v"))
run(g.__anext__())

print("== class")
g = gen()
run(g.__anext__())
athrow_report(g, IndexError)
run(g.__anext__())

print("== KeyboardInterrupt (BaseException)")
g = gen()
run(g.__anext__())
athrow_report(g, KeyboardInterrupt("kbd"))

print("== GeneratorExit thrown explicitly")
g = gen()
run(g.__anext__())
athrow_report(g, GeneratorExit("explicit"))
run(g.__anext__())

print("== exhausted generator")
g = gen()
run(g.__anext__())
run(g.__anext__())
run(g.__anext__())
athrow_report(g, ValueError("after end"))

print("== bad argument")
g = gen()
run(g.__anext__())
try:
    aw = g.athrow(42)
    print("  athrow(42) created an awaitable")
    aw.send(None)
except TypeError as e:
    print("  TypeError", e)
run(g.__anext__())
run(g.aclose())


async def wrapper():
    g = gen()
    print("  wrapper got", await g.__anext__())
    try:
        await g.athrow(OSError("through a coroutine"))
    except OSError as e:
        print("  wrapper caught", repr(e))
    return "w"


print("== awaited from a coroutine")
run(wrapper())
