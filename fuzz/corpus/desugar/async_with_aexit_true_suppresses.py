# async with: __aexit__ returning True suppresses the body's exception; execution continues right after the block, assignments made before the raise survive
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


class Suppress:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("aenter", self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None, repr(exc))
        await Suspend("aexit " + self.name)
        return True


async def main():
    x = "unset"
    async with Suppress("s1") as name:
        x = "set in body of " + name
        raise ValueError("suppressed error")
        x = "unreachable"
    print("after s1: x =", x)

    async with Suppress("s2"):
        print("s2 body runs normally")
    print("after s2 (no exception, True return is irrelevant)")

    for i in range(3):
        async with Suppress("loop%d" % i):
            if i == 1:
                raise KeyError(i)
            print("loop body", i)
        print("after loop block", i)

    try:
        async with Suppress("s3"):
            raise SystemExit("even SystemExit is suppressed")
        print("after s3")
    except SystemExit:
        print("not reached")
    return x


print("result:", run(main()))
