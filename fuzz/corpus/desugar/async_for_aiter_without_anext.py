# async for: __aiter__ returning an object without __anext__ (object, list, self without __anext__, sync iterator) raises TypeError (printed); __aiter__ raising propagates; one uncaught
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
    def __init__(self, result):
        self.result = result

    def __aiter__(self):
        print("__aiter__ returning", type(self.result).__name__)
        return self.result


class SelfNoAnext:
    def __aiter__(self):
        print("__aiter__ returning self")
        return self

    def __next__(self):
        print("__next__ (must not run)")


class RaisingAiter:
    def __aiter__(self):
        print("__aiter__ raising")
        raise KeyError("no iterator today")


class InstanceAnextOnly:
    def __init__(self):
        self.__anext__ = self.fake

    async def fake(self):
        print("instance __anext__ (must not run)")
        raise StopAsyncIteration


async def main():
    for obj in (Returns(object()), Returns([1]), Returns(iter([1])), SelfNoAnext(), Returns(InstanceAnextOnly()), Returns(None)):
        try:
            async for x in obj:
                print("body (unreachable)")
        except TypeError as e:
            print("  caught", type(e).__name__, "|", e)
    try:
        async for x in RaisingAiter():
            print("body (unreachable)")
    except KeyError as e:
        print("  caught", type(e).__name__, e)
    print("uncaught:")
    async for x in Returns(42):
        print("body (unreachable)")


run(main())
