# async with, normal exit: __aenter__, body, __aexit__(None, None, None) run in order; each may suspend; target gets __aenter__'s awaited result
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
    def __init__(self, name):
        print("init", name)
        self.name = name

    async def __aenter__(self):
        print("aenter", self.name)
        got = await Suspend("in aenter " + self.name)
        print("aenter got", repr(got))
        return "value-of-" + self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type, exc, tb)
        got = await Suspend("in aexit " + self.name)
        print("aexit got", repr(got))
        return None


async def main():
    print("before block")
    async with Manager("m") as v:
        print("body sees", repr(v))
        got = await Suspend("in body")
        print("body got", repr(got))
    print("after block, v is still", repr(v))
    return "done"


print("result:", run(main()))
