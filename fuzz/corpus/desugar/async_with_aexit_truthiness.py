# async with: only the truthiness of __aexit__'s result decides suppression (truthy/falsy non-bools); __bool__ is called exactly once and only when an exception occurred
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

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("  aexit sees", exc_type.__name__ if exc_type else None, "returns", repr(self.result))
        return self.result


class LoudBool:
    def __init__(self, value):
        self.value = value

    def __bool__(self):
        print("  __bool__ called ->", self.value)
        return self.value

    def __repr__(self):
        return "LoudBool(%r)" % (self.value,)


class BadBool:
    def __bool__(self):
        print("  BadBool.__bool__ raising")
        raise RuntimeError("bool failed")

    def __repr__(self):
        return "BadBool()"


async def attempt(result):
    print("result", repr(result))
    try:
        async with Returns(result):
            raise ValueError("from body")
        print("  suppressed, continued after block")
    except ValueError as e:
        print("  propagated:", type(e).__name__, e)
    except RuntimeError as e:
        print("  replaced by:", type(e).__name__, e, "| context:", type(e.__context__).__name__, e.__context__)


async def main():
    for result in [True, 1, "yes", [0], 2.5, False, 0, "", [], None, 0.0]:
        await attempt(result)
    await attempt(LoudBool(True))
    await attempt(LoudBool(False))
    await attempt(BadBool())
    print("normal exit with LoudBool result: __bool__ must not be called")
    async with Returns(LoudBool(True)):
        print("  body ok")
    print("normal exit with BadBool result: nothing raised")
    async with Returns(BadBool()):
        print("  body ok")
    print("done")


run(main())
