# async with: __aenter__ returning a non-awaitable (int, None, bad __await__) raises TypeError (version-dependent message) and __aexit__ is not called
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
    def __init__(self, result):
        self.result = result

    def __aenter__(self):
        print("plain __aenter__ returning", type(self.result).__name__)
        return self.result

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit (must not run)", exc_type)
        return True


class BadAwait:
    def __await__(self):
        return 17


class Good:
    def __await__(self):
        got = yield "good awaitable"
        return "good:" + got


async def main():
    for result in (42, None, "text", BadAwait()):
        try:
            async with Manager(result) as v:
                print("body (unreachable)")
        except TypeError as e:
            print("caught", type(e).__name__, "|", e)
    async with Manager(Good()) as v:
        print("body with plain-def __aenter__ returning an awaitable:", v)


run(main())
