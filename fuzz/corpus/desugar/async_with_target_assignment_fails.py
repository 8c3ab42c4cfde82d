# async with: when storing __aenter__'s result into the target fails (bad unpacking, raising __setattr__/__setitem__), __aexit__ receives that error and may suppress it
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


class Manager:
    def __init__(self, value, suppress=False):
        self.value = value
        self.suppress = suppress

    async def __aenter__(self):
        print("aenter ->", repr(self.value))
        return self.value

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", exc_type.__name__ if exc_type else None, "|", exc)
        await Suspend("aexit")
        return self.suppress


class ReadOnly:
    def __setattr__(self, name, value):
        raise AttributeError("read-only attribute " + name)


class NoItems:
    def __setitem__(self, key, value):
        raise IndexError("no item %r" % (key,))


async def main():
    try:
        async with Manager(1) as (a, b):
            print("body (unreachable)")
    except TypeError as e:
        print("caught", type(e).__name__, e)

    try:
        async with Manager((1, 2, 3)) as (a, b):
            print("body (unreachable)")
    except ValueError as e:
        print("caught", type(e).__name__, e)

    try:
        async with Manager((1,)) as (a, b, *c):
            print("body (unreachable)")
    except ValueError as e:
        print("caught", type(e).__name__, e)

    try:
        async with Manager("v") as ReadOnly().attr:
            print("body (unreachable)")
    except AttributeError as e:
        print("caught", type(e).__name__, e)

    try:
        async with Manager("v") as NoItems()[7]:
            print("body (unreachable)")
    except IndexError as e:
        print("caught", type(e).__name__, e)

    x = "untouched"
    async with Manager(None, suppress=True) as (x, y):
        print("body (unreachable)")
    print("suppressed unpacking error; x =", x)

    p = "p-before"
    try:
        async with Manager([10, 20]) as (p, q, r):
            pass
    except ValueError as e:
        print("caught", type(e).__name__, e, "| p =", p)


run(main())
