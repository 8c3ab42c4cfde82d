# async for: __anext__ returning a non-awaitable (int, None, list, bad __await__) raises TypeError (version-dependent message, printed) after earlier items were processed; one uncaught
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


class Returns:
    def __init__(self, results):
        self.results = list(results)

    def __aiter__(self):
        return self

    def __anext__(self):
        result = self.results.pop(0)
        print("  plain __anext__ returning", type(result).__name__)
        return result


class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield "ready " + str(self.value)
        return self.value


class BadAwait:
    def __await__(self):
        return "not an iterator"


async def main():
    for bad in (42, None, [1], BadAwait()):
        try:
            async for x in Returns([Ready(1), bad, Ready(2)]):
                print("  body", x)
            else:
                print("  else (must not run)")
        except TypeError as e:
            print("  caught", type(e).__name__, "|", e)
    print("uncaught:")
    async for x in Returns([Ready("last"), 3.5]):
        print("  body", x)


run(main())
