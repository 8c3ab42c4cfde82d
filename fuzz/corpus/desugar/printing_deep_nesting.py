# deep nesting: async with in async for in async with in try/except/finally in if/else in while, with break/continue/return at many depths
class Suspend:
    """Awaitable that yields its label to the driver once and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


def run(coro):
    """Drive a coroutine by hand, counting suspensions and printing the result."""
    n = 0
    value = None
    try:
        while True:
            coro.send(value)
            n += 1
            value = n
    except StopIteration as e:
        print("  driver: finished after", n, "suspensions with", repr(e.value))
        return e.value


class Manager:
    def __init__(self, log, name):
        self.log = log
        self.name = name

    async def __aenter__(self):
        await Suspend("enter")
        self.log.append("+" + self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        await Suspend("exit")
        self.log.append("-" + self.name + ("!" + exc_type.__name__ if exc_type else ""))
        return exc_type is not None and issubclass(exc_type, LookupError)


class AIter:
    def __init__(self, log, *items):
        self.log = log
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend("next")
        if not self.items:
            self.log.append("stop")
            raise StopAsyncIteration
        return self.items.pop(0)


async def deep(mode):
    log = []
    rounds = 0
    while rounds < 3:
        rounds += 1
        if rounds % 2:
            try:
                async with Manager(log, "A%d" % rounds) as a:
                    async for i in AIter(log, 1, 2, 3):
                        async with Manager(log, "B%d" % i) as b:
                            async for j in AIter(log, "x", "y"):
                                async with Manager(log, "C" + j):
                                    if mode == "continue-inner" and j == "x":
                                        log.append("continue@C")
                                        continue
                                    if mode == "break-inner" and j == "y":
                                        log.append("break@C")
                                        break
                                    if mode == "return-deep" and i == 2:
                                        log.append("return@C")
                                        return log
                                    if mode == "lookup" and i == 3:
                                        raise KeyError(j)
                                    if mode == "value" and i == 2 and j == "y":
                                        raise ValueError(a + b + j)
                                    log.append(a + b + j)
                            else:
                                log.append("inner-else")
                            if mode == "break-middle" and i == 2:
                                log.append("break@B")
                                break
                        if mode == "continue-middle":
                            log.append("continue@A")
                            continue
                        log.append("after-B%d" % i)
                    else:
                        log.append("middle-else")
                    if mode == "break-outer":
                        log.append("break@while")
                        break
            except ValueError as e:
                log.append("caught " + str(e))
                if mode == "value":
                    continue
            finally:
                log.append("finally%d" % rounds)
        else:
            async with Manager(log, "E%d" % rounds):
                async for k in AIter(log, "k"):
                    try:
                        if mode == "return-else":
                            return log + ["return@else"]
                    finally:
                        log.append("finally-else")
    log.append("while-done")
    return log


async def main():
    for mode in ["plain", "continue-inner", "break-inner", "return-deep", "lookup",
                 "value", "break-middle", "continue-middle", "break-outer", "return-else"]:
        print(mode)
        log = await deep(mode)
        for start in range(0, len(log), 12):
            print("   ", " ".join(log[start:start + 12]))


run(main())
