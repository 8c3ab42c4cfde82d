# async for over another async generator inside an async generator (async for ... yield): inner awaits reach the outer driver; the outer's asend values are not forwarded; closing the outer leaves the inner to be closed explicitly


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


async def numbers(tag, n):
    try:
        for i in range(n):
            r = await Suspend("%s await %d" % (tag, i))
            print("  %s: await returned %r" % (tag, r))
            got = yield "%s-%d" % (tag, i)
            print("  %s: yield returned %r" % (tag, got))
    finally:
        print("  %s: finally" % tag)


async def relay():
    inner = numbers("inner", 3)
    try:
        async for x in inner:
            sent = yield "relay(" + x + ")"
            print("  relay: outer yield returned", repr(sent))
            await Suspend("relay after " + x)
        print("  relay: inner exhausted")
        yield "relay end"
    finally:
        print("  relay: finally, closing inner explicitly")
        await inner.aclose()


async def chain(*gens):
    for g in gens:
        async for x in g:
            yield x
        print("  chain: one source done")


print("== relay driven with asend")
g = relay()
run(g.asend(None))
run(g.asend("A"))
run(g.asend("B"))
run(g.asend("C"))
run(g.asend("D"))

print("== relay closed while inner is suspended")
g = relay()
run(g.__anext__())
run(g.aclose())

print("== relay athrow: the exception is raised at the outer yield, not in inner")
g = relay()
run(g.__anext__())
run(g.athrow(KeyError("outer only")))


async def consumer():
    out = []
    async for x in chain(numbers("a", 2), numbers("b", 1)):
        out.append(x)
    return out


print("== chain of two generators")
run(consumer())
