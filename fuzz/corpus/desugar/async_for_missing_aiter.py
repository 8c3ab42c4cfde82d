# async for over objects without __aiter__ (object, list, sync iterator, only __anext__, instance-level __aiter__, __aiter__ = None): version-dependent TypeError printed; one uncaught
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


class OnlyAnext:
    async def __anext__(self):
        raise StopAsyncIteration


class SyncIter:
    def __iter__(self):
        print("SyncIter.__iter__ (must not run)")
        return iter([1])


class InstanceAiter:
    def __init__(self):
        self.__aiter__ = lambda: OnlyAnext()


class NoneAiter:
    __aiter__ = None


async def main():
    for obj in (object(), [1, 2], SyncIter(), OnlyAnext(), InstanceAiter(), NoneAiter(), 5, None):
        try:
            async for x in obj:
                print("body (unreachable)")
        except TypeError as e:
            print(type(obj).__name__ + ":", type(e).__name__, "|", e)
    print("uncaught:")
    async for x in [1, 2, 3]:
        print("body (unreachable)")


run(main())
