# nested async for loops: the inner iterable is re-created per outer item, inner break/continue only affect the inner loop, suspension order interleaves
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
        print("  create", name)

    def __aiter__(self):
        print("  __aiter__", self.name)
        return self

    async def __anext__(self):
        await Suspend(self.name)
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def main():
    pairs = []
    async for a in AIter("outer", "xy"):
        async for b in AIter("inner-" + a, [1, 2, 3]):
            if b == 2:
                continue
            pairs.append(a + str(b))
        else:
            print("  inner else for", a)
    print("pairs", pairs)

    print("inner break:")
    async for a in AIter("o", [1, 2]):
        async for b in AIter("i%d" % a, [10, 20]):
            print("  ", a, b)
            break
        print("  after inner loop", a, b)

    print("three levels sharing one iterator:")
    shared = AIter("shared", range(6))
    async for a in shared:
        async for b in shared:
            async for c in shared:
                print("  ", a, b, c)
                break
            break
    print("  leftover", shared.items)


run(main())
