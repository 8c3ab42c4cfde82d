# three levels of async for mixed with while/if/plain for/async with, break and continue at various depths, an exception caught two levels up
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


class AIter:
    def __init__(self, name, items):
        self.name = name
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            print("    end", self.name)
            raise StopAsyncIteration
        await Suspend(self.name)
        return self.items.pop(0)


class Manager:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("    aexit", self.name, exc_type.__name__ if exc_type else None)


async def main():
    results = []
    async for a in AIter("L1", [1, 2, 3]):
        if a == 2:
            continue
        try:
            async for b in AIter("L2-%d" % a, "xyz"):
                n = 0
                while n < 2:
                    n += 1
                    async with Manager("m-%d%s%d" % (a, b, n)) as m:
                        async for c in AIter("L3-" + m, [10, 20]):
                            if b == "y" and c == 20:
                                break
                            if a == 3 and b == "z":
                                raise KeyError(m)
                            for k in range(2):
                                if k:
                                    continue
                                results.append((a, b, n, c))
                        else:
                            print("    L3 else", m)
                if b == "y":
                    print("  leaving L2 at y")
                    break
            else:
                print("  L2 else", a)
        except KeyError as e:
            print("  caught KeyError", e, "at a =", a)
    else:
        print("L1 else")
    print(len(results), results)


run(main())
