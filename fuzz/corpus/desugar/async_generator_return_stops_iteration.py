# bare return, falling off the end and return inside try/finally end iteration with StopAsyncIteration; later __anext__ keeps raising it; async for else runs


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


async def bare_return(limit):
    i = 0
    while True:
        if i == limit:
            print("  gen: bare return at", i)
            return
        yield i
        i += 1


async def return_in_finally_block():
    try:
        yield "in try"
        await Suspend("before return")
        return
    finally:
        print("  gen: finally runs on return")
        await Suspend("await in finally after return")
        print("  gen: finally done")


async def early_return(flag):
    if flag:
        return
    yield "not reached when flag"


async def falls_off():
    yield 1
    print("  gen: falls off the end")


for name, make in [
    ("bare_return(2)", lambda: bare_return(2)),
    ("return_in_finally_block", return_in_finally_block),
    ("early_return(True)", lambda: early_return(True)),
    ("early_return(False)", lambda: early_return(False)),
    ("falls_off", falls_off),
]:
    print("==", name)
    g = make()
    for i in range(4):
        print(" __anext__ #%d" % i)
        run(g.__anext__())


async def loop_with_else(gen):
    async for x in gen:
        print("  body", x)
        if x == "break":
            break
    else:
        print("  else after StopAsyncIteration")
        return "exhausted"
    return "broke"


async def with_break():
    yield 1
    yield "break"
    print("  not reached")
    yield 3


print("== async for else")
run(loop_with_else(bare_return(3)))
run(loop_with_else(early_return(True)))
run(loop_with_else(with_break()))
