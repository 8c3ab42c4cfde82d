# await with and/or/not: the right operand's coroutine is never created or awaited when short-circuited


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class Step:
    def __init__(self, label, value):
        self.label = label
        self.value = value

    def __await__(self):
        print("await", self.label)
        yield self.label
        return self.value


def aw(label, value):
    print("create", label)
    return Step(label, value)


async def coro_value(label, value):
    print("coroutine body", label)
    await Step("in " + label, None)
    return value


async def main():
    print("== and, first falsy")
    print(repr(await aw("f", 0) and await aw("never-and", 1)))
    print("== and, first truthy")
    print(repr(await aw("t", 1) and await aw("second", "")))
    print("== or, first truthy")
    print(repr(await aw("t", "yes") or await aw("never-or", 1)))
    print("== or, first falsy")
    print(repr(await aw("f", []) or await aw("second", [1])))
    print("== chain of or")
    print(repr(await aw("a", 0) or await aw("b", None) or await aw("c", "c") or await aw("d", "d")))
    print("== chain of and")
    print(repr(await aw("a", 1) and await aw("b", 2) and await aw("c", 0) and await aw("d", 4)))
    print("== mixed and/or")
    print(repr(await aw("a", 0) and await aw("b", 1) or await aw("c", 2)))
    print(repr(await aw("a", 1) or await aw("b", 1) and await aw("c", 2)))
    print("== not")
    print(not await aw("n", 0), not await aw("n2", "x"))
    print("== native coroutines: skipped one is never called")
    print(repr(await coro_value("first", False) and await coro_value("skipped", True)))
    print(repr(await coro_value("first", 1) or await coro_value("skipped", 2)))
    print("== in if statement")
    if await aw("cond1", 0) or await aw("cond2", 1):
        print("if body")
    if await aw("cond3", 0) and await aw("cond4", 1):
        print("not printed")
    else:
        print("else body")
    return "done"


print(run(main()))
