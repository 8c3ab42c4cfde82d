# async for: __aiter__/__anext__ found on the type through descriptors whose __get__ prints: one __aiter__ binding, one __anext__ binding per step; a raising __get__ (CPython may replace it by AttributeError)
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


class Loud:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, owner):
        print("  __get__", self.name)
        func = self.func

        def bound(*args):
            print("  calling", self.name)
            return func(obj, *args)
        return bound


class AIter:
    def __init__(self, n):
        self.n = n

    @Loud
    def __aiter__(self):
        return self

    @Loud
    async def __anext__(self):
        await Suspend("anext %d" % self.n)
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class BrokenGet:
    def __get__(self, obj, owner):
        print("  BrokenGet.__get__ raising")
        raise LookupError("descriptor failed")


class BrokenAnext:
    @Loud
    def __aiter__(self):
        return self

    __anext__ = BrokenGet()


class BrokenAiter:
    __aiter__ = BrokenGet()


async def main():
    async for x in AIter(2):
        print("  body", x)
    for obj in (BrokenAnext(), BrokenAiter()):
        print(type(obj).__name__ + ":")
        try:
            async for x in obj:
                print("  body (unreachable)")
        except (LookupError, AttributeError) as e:
            print("  caught", type(e).__name__, e, "| context:", repr(e.__context__))


run(main())
