# async with: `return` inside the block computes the return value BEFORE __aexit__ runs; __aexit__ gets (None, None, None); a raising __aexit__ replaces the return
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
    def __init__(self, name, result=None, raise_in_exit=False):
        self.name = name
        self.result = result
        self.raise_in_exit = raise_in_exit
        self.log = []

    async def __aenter__(self):
        print("aenter", self.name)
        return self.log

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type, exc)
        await Suspend("aexit " + self.name)
        self.log.append("appended by aexit")
        if self.raise_in_exit:
            raise RuntimeError("aexit of %s failed" % self.name)
        print("aexit", self.name, "returns", repr(self.result))
        return self.result


def compute(tag):
    print("computing return value", tag)
    return tag


async def plain():
    async with Manager("plain"):
        return compute("plain-value")
    print("unreachable")


async def returns_target():
    async with Manager("target") as log:
        log.append("appended by body")
        return log


async def exit_returns_true():
    async with Manager("true", result=True):
        return compute("kept even though aexit returned True")


async def exit_raises():
    async with Manager("raises", raise_in_exit=True):
        return compute("lost value")


async def nested():
    async with Manager("outer"):
        try:
            async with Manager("inner"):
                return compute("nested-value")
        finally:
            print("finally between inner and outer")


async def in_loop():
    for i in range(5):
        async with Manager("loop%d" % i):
            if i == 2:
                return compute(i)
        print("end of iteration", i)


async def bare_return():
    async with Manager("bare"):
        print("bare return")
        return


async def main():
    print("plain ->", repr(await plain()))
    print("returns_target ->", repr(await returns_target()))
    print("exit_returns_true ->", repr(await exit_returns_true()))
    try:
        print("exit_raises ->", repr(await exit_raises()))
    except RuntimeError as e:
        print("exit_raises raised", type(e).__name__, e, "| context:", e.__context__)
    print("nested ->", repr(await nested()))
    print("in_loop ->", repr(await in_loop()))
    print("bare_return ->", repr(await bare_return()))


run(main())
