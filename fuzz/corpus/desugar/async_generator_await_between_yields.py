# awaits inside the generator body suspend the driver between yields: multi-step awaitables, awaited coroutines, types.coroutine generators, values that look like yields, and None labels stay distinct from yielded values

import types


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


class Multi:
    """Awaitable whose __await__ suspends several times, then returns a summary of the replies."""

    def __init__(self, *labels):
        self.labels = labels

    def __await__(self):
        replies = []
        for label in self.labels:
            replies.append((yield label))
        return "multi" + repr(replies)


class Immediate:
    """Awaitable that never suspends."""

    def __await__(self):
        return "immediate"
        yield


@types.coroutine
def legacy(label):
    """Generator-based coroutine: its yield also goes to the driver."""
    r = yield label
    return "legacy(%s)" % r


async def helper(tag):
    a = await Suspend("helper %s step 1" % tag)
    b = await Suspend("helper %s step 2" % tag)
    return (tag, a, b)


async def mixed():
    print("  gen: await Suspend")
    x = await Suspend("first await")
    print("  gen: yield x")
    y = yield "yielded " + x
    print("  gen: got from yield", repr(y))
    m = await Multi("m1", "m2", "m3")
    print("  gen: multi returned", m)
    yield m
    i = await Immediate()
    print("  gen: immediate returned", i)
    yield i
    h = await helper("H")
    print("  gen: helper returned", h)
    yield h
    # a label that looks like a yielded value and a None label
    n = await Suspend(None)
    print("  gen: None-label await returned", repr(n))
    yield None
    t = await Suspend(("tuple", "label"))
    yield ("yielded", t)
    lg = await legacy("types.coroutine label")
    print("  gen: legacy returned", lg)
    yield lg
    print("  gen: falling off the end")


g = mixed()
for step in range(9):
    print("step", step, "__anext__")
    run(g.__anext__())


async def consumer():
    async for v in mixed():
        print("  consumer body got", repr(v))
        await Suspend("consumer await after %r" % (v,))
    return "consumer done"


print("== through async for")
run(consumer())
