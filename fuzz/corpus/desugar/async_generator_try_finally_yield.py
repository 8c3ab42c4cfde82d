# yields inside try/except/else/finally: which handlers run on normal completion, on athrow, on aclose, and with a yield inside except, else and finally


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


async def structured(mode):
    try:
        print("  gen: try start")
        v = yield "in try"
        print("  gen: try got", repr(v))
        if mode == "raise":
            raise KeyError("raised in try")
        await Suspend("try await")
    except KeyError as e:
        print("  gen: except", repr(e))
        v = yield "in except"
        print("  gen: except got", repr(v))
        await Suspend("except await")
    else:
        print("  gen: else")
        v = yield "in else"
        print("  gen: else got", repr(v))
    finally:
        print("  gen: finally")
        v = yield "in finally"
        print("  gen: finally got", repr(v))
        await Suspend("finally await")
    print("  gen: after try statement")
    yield "after"


for mode in ("normal", "raise"):
    print("== mode", mode)
    g = structured(mode)
    for i in range(6):
        run(g.asend(None if i == 0 else "s%d" % i))

print("== athrow KeyError at the first yield goes to except")
g = structured("normal")
run(g.__anext__())
run(g.athrow(KeyError("thrown")))
run(g.asend("x"))
run(g.asend("y"))
run(g.asend("z"))
run(g.asend("w"))

print("== athrow ValueError at the first yield: only finally (which yields)")
g = structured("normal")
run(g.__anext__())
run(g.athrow(ValueError("thrown")))
print(" resume the finally's yield: the ValueError continues")
run(g.asend("resume"))
run(g.__anext__())

print("== aclose at the else yield: finally's yield makes aclose fail")
g = structured("normal")
run(g.__anext__())
run(g.asend("a"))
run(g.aclose())
print(" still suspended at the finally's yield; resuming re-raises GeneratorExit")
try:
    run(g.asend("b"))
except GeneratorExit:
    print("  GeneratorExit escaped")
run(g.__anext__())


async def nested_try():
    for i in range(2):
        try:
            try:
                yield "inner %d" % i
            finally:
                print("  nested: inner finally", i)
                await Suspend("inner cleanup %d" % i)
        finally:
            print("  nested: outer finally", i)
    print("  nested: end")


async def consumer():
    async for x in nested_try():
        print("  consumer got", x)
    return "done"


print("== nested finally blocks on normal iteration")
run(consumer())
print("== nested finally blocks on aclose")
g = nested_try()
run(g.__anext__())
run(g.aclose())
