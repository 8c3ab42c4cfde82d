# hand driver throw() while the coroutine is suspended inside __anext__: propagates out of the loop; or __anext__ converts it to StopAsyncIteration (loop ends, else runs) or to a value (loop continues)
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
    def __init__(self, name, on_throw):
        self.name = name
        self.on_throw = on_throw
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        try:
            await Suspend("anext %s %d" % (self.name, self.i))
        except KeyError as e:
            print("  __anext__ caught thrown", type(e).__name__, e)
            if self.on_throw == "stop":
                raise StopAsyncIteration
            if self.on_throw == "value":
                return "recovered"
            raise
        if self.i > 3:
            raise StopAsyncIteration
        return self.i


async def loop(name, on_throw):
    async for x in AIter(name, on_throw):
        print("  body", x)
    else:
        print("  else runs")
    print("  after loop", name)
    return "finished " + name


def drive(coro, throw_at, exc):
    value = None
    try:
        label = coro.send(None)
        while True:
            print("  driver: suspended at", repr(label))
            if label == throw_at:
                print("  driver: throwing", repr(exc))
                label = coro.throw(exc)
                print("  driver: throw() returned", repr(label))
                continue
            label = coro.send(value)
    except StopIteration as e:
        print("  driver: finished with", repr(e.value))
    except Exception as e:
        print("  driver: coroutine raised", type(e).__name__, e)


print("not handled by __anext__:")
drive(loop("a", "reraise"), "anext a 2", KeyError("boom"))
print("converted to StopAsyncIteration:")
drive(loop("b", "stop"), "anext b 2", KeyError("stop please"))
print("converted to a value:")
drive(loop("c", "value"), "anext c 1", KeyError("recover"))
print("other exception type passes through __anext__:")
drive(loop("d", "stop"), "anext d 3", ValueError("not caught by __anext__"))
