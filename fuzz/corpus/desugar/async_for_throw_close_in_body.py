# hand driver throw()/close() while suspended in the async for BODY: the exception leaves the loop, finally runs, and the iterator's aclose() is NOT called
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
    def __init__(self, name):
        self.name = name
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        return self.i

    async def aclose(self):
        print("  aclose (must never be called by async for)")


async def loop(name, catch):
    try:
        async for x in AIter(name):
            print("  body", x)
            try:
                await Suspend("body %s %d" % (name, x))
            except catch as e:
                print("  body caught", type(e).__name__, e, "and continues")
        else:
            print("  else runs")
    finally:
        print("  finally", name)
    return "done " + name


print("throw, not caught:")
coro = loop("a", ())
print("  first suspension:", coro.send(None))
try:
    coro.throw(KeyError("thrown into body"))
except KeyError as e:
    print("  throw raised", type(e).__name__, e)

print("throw, caught in the body, loop continues:")
coro = loop("b", KeyError)
print("  first suspension:", coro.send(None))
print("  throw returned:", coro.throw(KeyError("handled")))
try:
    while True:
        print("  next suspension:", coro.send(None))
except StopIteration as e:
    print("  finished with", repr(e.value))

print("close while suspended in the body:")
coro = loop("c", ())
print("  first suspension:", coro.send(None))
print("  close() ->", coro.close())
