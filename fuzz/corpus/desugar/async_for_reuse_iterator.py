# async for: breaking out and looping again over the same object resumes it when __aiter__ returns self, restarts when __aiter__ returns a fresh iterator
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


class Resumable:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        print("Resumable.__aiter__ at", self.i)
        return self

    async def __anext__(self):
        await Suspend("resumable %d" % self.i)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class Restartable:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        print("Restartable.__aiter__ -> fresh iterator")
        return Resumable(self.n)


async def main():
    r = Resumable(5)
    async for x in r:
        print("first loop", x)
        if x == 2:
            break
    async for x in r:
        print("second loop", x)
    async for x in r:
        print("third loop (exhausted, unreachable)", x)
    else:
        print("third loop: else only")

    s = Restartable(2)
    for round_ in range(2):
        async for x in s:
            print("round", round_, "item", x)


run(main())
