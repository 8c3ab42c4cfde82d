# async for: __anext__ suspending several times via different awaitables (custom __await__, types.coroutine generator, nested coroutine, plain-def __anext__ returning an awaitable); sent values reach the target
import types
class Suspend:
    """Awaitable that yields its label to the driver once and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


def run(coro):
    """Drive a coroutine by hand, printing every suspension."""
    n = 0
    value = None
    try:
        while True:
            label = coro.send(value)
            n += 1
            value = "sent%d" % n
            print("  driver: suspended at", repr(label), "-> resume with", repr(value))
    except StopIteration as e:
        print("  driver: finished with", repr(e.value))
        return e.value


@types.coroutine
def gen_based(label):
    got = yield "gen " + label
    return got


async def nested(label):
    a = await Suspend("nested-1 " + label)
    b = await Suspend("nested-2 " + label)
    return a + "+" + b


class Mixed:
    def __init__(self):
        self.step = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.step += 1
        print("__anext__ step", self.step)
        if self.step == 1:
            return await Suspend("custom")
        if self.step == 2:
            return await gen_based("step2")
        if self.step == 3:
            return await nested("step3")
        if self.step == 4:
            print("  step 4 returns without suspending")
            return "no suspension"
        await Suspend("before stop")
        raise StopAsyncIteration


class Awaitable:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        got = yield "plain-awaitable " + str(self.value)
        if self.value is None:
            raise StopAsyncIteration
        return (self.value, got)


class PlainDef:
    def __init__(self, n):
        self.values = list(range(n)) + [None]

    def __aiter__(self):
        return self

    def __anext__(self):
        print("plain __anext__ called")
        return Awaitable(self.values.pop(0))


async def main():
    async for v in Mixed():
        print("body", v)
        await Suspend("body " + str(v))
    async for v in PlainDef(2):
        print("body", v)
    return "done"


run(main())
