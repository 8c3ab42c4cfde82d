# What an async generator yields to its consumer and what its awaits yield
# to the event loop must not be confused, whatever the values: tuples (the
# empty one too), None, a bare `yield`, and awaitables that themselves yield
# tuples to the driver.


class Trap:
    """Awaiting one yields `request` to whoever drives the coroutine."""

    def __init__(self, request):
        self.request = request

    def __await__(self):
        reply = yield self.request
        return reply


async def items():
    got = await Trap(())
    print("trap () replied", got)
    yield ()
    got = await Trap((1, 2))
    print("trap (1, 2) replied", got)
    yield 1, 2
    yield (None,)
    got = await Trap(("only",))
    print("trap ('only',) replied", got)
    sent = yield
    print("bare yield got", sent)
    yield None
    yield [(), ()]


async def consume():
    seen = []
    async for item in items():
        seen.append(item)
    return seen


def drive(coroutine):
    reply = 0
    while True:
        try:
            request = coroutine.send(reply if reply else None)
        except StopIteration as stop:
            return stop.value
        reply += 1
        print("driver got", repr(request), "-> replies", reply)


print("async for:", drive(consume()))


async def by_hand():
    agen = items()
    print(await agen.asend(None))
    print(await agen.asend(None))
    print(await agen.asend("ignored"))
    print(await agen.__anext__())
    print(await agen.asend("sent to bare yield"))
    print(await agen.asend(None))
    try:
        await agen.asend(None)
    except StopAsyncIteration:
        print("exhausted")
    return "done"


print("by hand:", drive(by_hand()))
