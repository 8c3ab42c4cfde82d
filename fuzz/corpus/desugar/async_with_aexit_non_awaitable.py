# async with: __aexit__ returning a non-awaitable raises TypeError after the body (on normal exit and with the body's exception as __context__); last one uncaught
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
    def __init__(self, name, result):
        self.name = name
        self.result = result

    async def __aenter__(self):
        print("aenter", self.name)
        return self

    def __aexit__(self, exc_type, exc, tb):
        print("plain __aexit__", self.name, exc_type.__name__ if exc_type else None, "returning", repr(self.result))
        return self.result


class Good:
    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return "Good(%r)" % (self.value,)

    def __await__(self):
        yield "good awaitable"
        return self.value


async def main():
    try:
        async with Manager("normal", 1):
            print("body ok")
        print("unreachable")
    except TypeError as e:
        print("caught", type(e).__name__, "|", e, "| context:", repr(e.__context__))

    try:
        async with Manager("with-error", True):
            raise ValueError("body error")
    except TypeError as e:
        print("caught", type(e).__name__, "|", e)
        print("  context:", type(e.__context__).__name__, e.__context__)

    async with Manager("awaitable-true", Good(True)):
        raise ValueError("suppressed through a plain-def __aexit__")
    print("suppressed via awaitable result")

    async with Manager("uncaught", None):
        print("body ok, aexit returns None which is not awaitable")


run(main())
