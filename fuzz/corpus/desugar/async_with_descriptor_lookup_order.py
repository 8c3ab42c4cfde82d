# async with: order of __aenter__/__aexit__ lookups and calls observed through descriptors whose __get__ prints (lookup order is version-dependent); a raising __get__ propagates
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
    """Descriptor wrapping a function; prints every binding."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, owner):
        print("  __get__", self.name, "on", type(obj).__name__ if obj is not None else None, "owner", owner.__name__)
        func = self.func

        def bound(*args):
            print("  calling", self.name)
            return func(obj, *args)
        return bound


class Manager:
    @Loud
    async def __aenter__(self):
        print("  in __aenter__")
        await Suspend("aenter")
        return "entered"

    @Loud
    async def __aexit__(self, exc_type, exc, tb):
        print("  in __aexit__", exc_type.__name__ if exc_type else None)
        await Suspend("aexit")
        return exc_type is KeyError


class BrokenGet:
    def __init__(self, name):
        self.name = name

    def __get__(self, obj, owner):
        print("  __get__", self.name, "raising")
        raise LookupError("descriptor " + self.name + " failed")


class BrokenExit:
    @Loud
    async def __aenter__(self):
        print("  __aenter__ (must not run)")

    __aexit__ = BrokenGet("__aexit__")


class BrokenEnter:
    __aenter__ = BrokenGet("__aenter__")

    @Loud
    async def __aexit__(self, *args):
        print("  __aexit__ (must not run)")


async def main():
    print("normal:")
    async with Manager() as v:
        print("  body", v)
    print("suppressed KeyError:")
    async with Manager():
        raise KeyError("k")
    print("two managers:")
    async with Manager(), Manager():
        print("  body")
    for cls in (BrokenExit, BrokenEnter):
        print(cls.__name__ + ":")
        try:
            async with cls():
                print("  body (unreachable)")
        except LookupError as e:
            print("  caught", type(e).__name__, e)


run(main())
