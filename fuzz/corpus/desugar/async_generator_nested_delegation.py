# hand-written delegation between async generators (the async counterpart of yield from): forwarding asend, athrow and aclose to an inner generator; recursive async generators


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


async def inner():
    total = 0
    try:
        while True:
            try:
                v = yield total
            except ValueError as e:
                print("  inner: caught", e)
                await Suspend("inner recovering")
                v = 0
            if v is None:
                break
            total += v
            await Suspend("inner added %r" % v)
    finally:
        print("  inner: finally, total", total)
    print("  inner: finished")


async def delegate(agen):
    """Forward every asend/athrow/aclose of this generator to agen."""
    try:
        value = await agen.__anext__()
    except StopAsyncIteration:
        return
    while True:
        try:
            sent = yield value
        except GeneratorExit:
            print("  delegate: GeneratorExit, closing inner")
            await agen.aclose()
            raise
        except BaseException as e:
            print("  delegate: forwarding", type(e).__name__)
            try:
                value = await agen.athrow(e)
            except StopAsyncIteration:
                return
        else:
            try:
                value = await agen.asend(sent)
            except StopAsyncIteration:
                print("  delegate: inner finished")
                return


print("== delegate directly")
d = delegate(inner())
run(d.asend(None))
run(d.asend(5))
run(d.athrow(ValueError("reset please")))
run(d.asend(7))
run(d.asend(None))
run(d.asend(1))

print("== aclose forwarded")
d = delegate(inner())
run(d.asend(None))
run(d.asend(2))
run(d.aclose())

print("== athrow not handled by inner")
d = delegate(inner())
run(d.asend(None))
run(d.athrow(KeyError("unhandled")))
run(d.asend(None))


async def levels(depth):
    if depth == 0:
        await Suspend("bottom")
        yield "leaf"
        return
    yield "enter %d" % depth
    async for v in levels(depth - 1):
        yield v
    yield "leave %d" % depth


async def collect(agen):
    out = []
    async for v in agen:
        out.append(v)
    return out


print("== recursive async generators")
run(collect(levels(3)))
print("== delegate wrapping delegate")
run(collect(delegate(delegate(levels(1)))))
