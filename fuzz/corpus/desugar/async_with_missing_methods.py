# async with on objects lacking __aenter__, __aexit__ or both (and on a sync-only context manager): error type/message (version-dependent) printed, then one uncaught
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


class OnlyEnter:
    async def __aenter__(self):
        print("OnlyEnter.__aenter__ (must not run)")


class OnlyExit:
    async def __aexit__(self, *args):
        print("OnlyExit.__aexit__ (must not run)")


class SyncOnly:
    def __enter__(self):
        print("SyncOnly.__enter__ (must not run)")

    def __exit__(self, *args):
        print("SyncOnly.__exit__ (must not run)")


class NoneAexit:
    async def __aenter__(self):
        print("NoneAexit.__aenter__")
    __aexit__ = None


async def main():
    for make in (object, OnlyEnter, OnlyExit, SyncOnly, NoneAexit, int, list):
        try:
            async with make():
                print("body reached for", make.__name__)
        except (AttributeError, TypeError) as e:
            print(make.__name__ + ":", type(e).__name__, "|", e)
    print("uncaught:")
    async with OnlyEnter() as x:
        print("body (unreachable)")


run(main())
