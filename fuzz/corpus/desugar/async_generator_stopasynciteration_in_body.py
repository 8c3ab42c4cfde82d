# StopAsyncIteration raised in an async generator body becomes RuntimeError('async generator raised StopAsyncIteration'); it does not silently end an async for; caught inside it is fine


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


async def raises_sai():
    yield "first"
    await Suspend("about to raise")
    raise StopAsyncIteration("from body")


async def catches_sai():
    try:
        raise StopAsyncIteration
    except StopAsyncIteration:
        yield "caught inside"
    yield "still going"


class EmptyAIter:
    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend("EmptyAIter.__anext__")
        raise StopAsyncIteration


async def anext_by_hand():
    it = EmptyAIter()
    yield "calling __anext__ by hand"
    await it.__anext__()
    yield "not reached"


async def nested_async_for():
    async for x in EmptyAIter():
        yield x
    yield "inner loop ended normally"


for name, make in [
    ("raises_sai", raises_sai),
    ("catches_sai", catches_sai),
    ("anext_by_hand", anext_by_hand),
    ("nested_async_for", nested_async_for),
]:
    print("==", name)
    g = make()
    for i in range(3):
        run(g.__anext__())


async def consumer():
    try:
        async for x in raises_sai():
            print("  body", x)
        else:
            print("  else (should not run)")
    except RuntimeError as e:
        print("  consumer caught RuntimeError:", e)
        print("  cause:", type(e.__cause__).__name__, e.__cause__)
    return "ok"


print("== inside async for")
run(consumer())
