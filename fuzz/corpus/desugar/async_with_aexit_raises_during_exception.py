# async with: __aexit__ raising a new exception replaces the body's exception (which becomes __context__); the final one is uncaught so the chained traceback is printed
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


class Failing:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("aenter", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None, exc)
        await Suspend("aexit " + self.name)
        raise RuntimeError("aexit of %s failed" % self.name)


class ReRaise:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("ReRaise aexit re-raising", exc_type.__name__)
        raise exc


async def main():
    try:
        async with Failing("normal-exit"):
            print("body ok")
    except RuntimeError as e:
        print("caught", type(e).__name__, e, "| context:", repr(e.__context__))

    try:
        async with Failing("with-error"):
            raise ValueError("body error")
    except RuntimeError as e:
        print("caught", type(e).__name__, e)
        print("  context:", type(e.__context__).__name__, e.__context__)
        print("  cause:", e.__cause__, "| suppress_context:", e.__suppress_context__)

    try:
        async with ReRaise():
            raise KeyError("re-raised by aexit itself")
    except KeyError as e:
        print("caught", type(e).__name__, e, "| context:", repr(e.__context__))

    print("now uncaught:")
    async with Failing("uncaught"):
        raise ValueError("original problem")


run(main())
