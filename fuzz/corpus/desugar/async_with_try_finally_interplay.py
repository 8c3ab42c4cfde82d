# async with combined with try/except/finally: inside try/finally, try/except/finally inside the body, async with inside except and finally clauses
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
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("aenter", self.name)
        await Suspend("aenter " + self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress


async def main():
    print("-- async with inside try/finally, exception")
    try:
        try:
            async with Manager("a"):
                raise ValueError("a-error")
        finally:
            print("outer finally")
    except ValueError as e:
        print("caught", e)

    print("-- try/except inside the body handles the error; aexit sees nothing")
    async with Manager("b"):
        try:
            raise KeyError("handled")
        except KeyError as e:
            print("handled in body", e)
        finally:
            print("body finally")

    print("-- finally inside body runs before aexit")
    try:
        async with Manager("c"):
            try:
                raise IndexError("c-error")
            finally:
                print("body finally before aexit")
    except IndexError as e:
        print("caught", e)

    print("-- async with in except clause")
    try:
        raise LookupError("outer")
    except LookupError as outer:
        async with Manager("d") as d:
            print("body in except clause", d, outer)

    print("-- async with in finally clause, while an exception is propagating")
    try:
        try:
            raise OSError("propagating")
        finally:
            async with Manager("e", suppress=True):
                raise ValueError("inner, suppressed")
            print("finally continues")
    except OSError as e:
        print("caught", type(e).__name__, e)

    print("-- exception in except clause inside body")
    try:
        async with Manager("f"):
            try:
                raise KeyError("first")
            except KeyError:
                raise ValueError("second")
    except ValueError as e:
        print("caught", type(e).__name__, e, "| context:", repr(e.__context__))

    print("-- return in finally inside body overrides the exception")

    async def f():
        async with Manager("g"):
            try:
                raise ValueError("swallowed")
            finally:
                return "from finally"

    print("f() ->", await f())


run(main())
