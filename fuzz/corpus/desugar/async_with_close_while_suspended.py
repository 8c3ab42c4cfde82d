# hand driver close(): GeneratorExit reaches __aexit__ while suspended in the body; suppressing it and returning is fine, suspending again in __aexit__ gives RuntimeError
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
    def __init__(self, name, suppress=False, suspend_in_exit=False):
        self.name = name
        self.suppress = suppress
        self.suspend_in_exit = suspend_in_exit

    async def __aenter__(self):
        print("  aenter", self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("  aexit", self.name, exc_type.__name__ if exc_type else None, repr(exc))
        if self.suspend_in_exit:
            print("  aexit suspending during", exc_type.__name__)
            await Suspend("aexit " + self.name)
        return self.suppress


async def body(name, **kw):
    try:
        async with Manager(name, **kw):
            print("  body", name, "suspending")
            await Suspend("body " + name)
            print("  (must not print)")
        print("  after block", name)
        return "returned " + name
    finally:
        print("  finally", name)


def close_at_body(name, **kw):
    coro = body(name, **kw)
    print("  driver got", coro.send(None))
    try:
        result = coro.close()
        print("  close() returned", repr(result))
    except RuntimeError as e:
        print("  close() raised", type(e).__name__, e)


print("aexit does not suppress:")
close_at_body("c1")
print("aexit suppresses GeneratorExit and the coroutine returns:")
close_at_body("c2", suppress=True)
print("aexit suspends while handling GeneratorExit:")
close_at_body("c3", suspend_in_exit=True)
print("close before start: nothing runs")
coro = body("c4")
coro.close()
print("closed")
