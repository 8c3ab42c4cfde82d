# three levels of async with mixed with if/while/for/else, break/continue at different depths and an exception suppressed two levels up
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
    def __init__(self, name, suppress=()):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("  " * DEPTH[0] + "aenter", self.name)
        DEPTH[0] += 1
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        DEPTH[0] -= 1
        caught = exc_type is not None and issubclass(exc_type, self.suppress)
        print("  " * DEPTH[0] + "aexit", self.name, exc_type.__name__ if exc_type else None, "suppress" if caught else "")
        await Suspend("aexit " + self.name)
        return caught


DEPTH = [0]


async def main():
    total = 0
    async with Manager("L1", suppress=(KeyError,)) as one:
        n = 0
        while n < 3:
            n += 1
            if n == 2:
                async with Manager("L2-skip"):
                    continue
            async with Manager("L2-%d" % n) as two:
                for k in range(4):
                    if k % 2:
                        async with Manager("L3-%d-%d" % (n, k)) as three:
                            total += k
                            if k == 3 and n == 3:
                                raise KeyError("deep, suppressed by L1")
                            if total > 100:
                                break
                    else:
                        print("  " * DEPTH[0] + "even k", k)
                else:
                    print("  " * DEPTH[0] + "for-else in", two)
        else:
            print("while-else (skipped by the exception)")
        print("unreachable")
    print("total =", total, "n =", n, "k =", k)


run(main())
