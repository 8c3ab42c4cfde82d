# async for ... else: else runs after normal exhaustion (also for an empty iterator), not after break, not after an exception from the body
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
        await Suspend("anext " + self.name)
        if not self.items:
            print("  exhausted", self.name)
            raise StopAsyncIteration
        return self.items.pop(0)


async def main():
    print("normal end:")
    async for x in AIter("a", [1, 2]):
        print("  body", x)
    else:
        print("  else runs")

    print("break:")
    async for x in AIter("b", [1, 2, 3]):
        print("  body", x)
        if x == 2:
            print("  break")
            break
    else:
        print("  else (must not run)")
    print("  after loop x =", x)

    print("continue on the last item:")
    async for x in AIter("c", [1, 2]):
        if x == 2:
            continue
        print("  body", x)
    else:
        print("  else runs after continue")

    print("exception in body:")
    try:
        async for x in AIter("d", [1, 2]):
            raise ValueError("from body %d" % x)
        else:
            print("  else (must not run)")
    except ValueError as e:
        print("  caught", e)

    print("break inside else-less inner loop does not affect outer else:")
    async for x in AIter("outer", [1]):
        async for y in AIter("inner", [1, 2]):
            break
    else:
        print("  outer else runs")


run(main())
