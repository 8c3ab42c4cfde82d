# await in statement positions: if/elif/while tests, for iterables, with items, assert, raise/raise-from, except clauses, global


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


class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False


g = "initial"


async def main():
    global g
    if await aw("if test", 0):
        print("not here")
    elif await aw("elif test", 1):
        print("elif branch")
    n = 0
    while await aw("while test %d" % n, n < 2):
        n += 1
    print("while done", n)
    for item in await aw("for iterable", ["a", "b"]):
        print("for item", item, await aw("in body " + item, item * 2))
    else:
        print("for else", await aw("for else", "E"))
    with await aw("with item", CM("one")) as v, CM(await aw("cm name", "two")) as w:
        print("with body", v, w, await aw("in with", "body"))
    try:
        with CM("three"):
            await aw("before raise", None)
            raise KeyError("inside with")
    except KeyError as e:
        print("caught", type(e).__name__, e)
    assert await aw("assert test", True), "never"
    try:
        assert await aw("failing assert", 0), await aw("assert message", "custom message")
    except AssertionError as e:
        print("AssertionError", e)
    try:
        raise await aw("exception to raise", ValueError("awaited exception"))
    except ValueError as e:
        print("raised", e)
    try:
        raise KeyError("k") from await aw("cause", TypeError("awaited cause"))
    except KeyError as e:
        print("raise from", repr(e.__cause__))
    try:
        raise LookupError("matched by awaited except clause")
    except (await aw("except expr", LookupError)) as e:
        print("except clause matched", e)
    try:
        pass
    except (await aw("never evaluated except expr", Exception)):
        pass
    try:
        await aw("try body", None)
    finally:
        print("finally", await aw("in finally", "F"))
    g = await aw("global assign", "changed")
    print("global now", g)
    return "done"


print(run(main()))
