# backslash-continued string literals and code lines (some continued at column 0) inside moved async bodies and headers
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
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        return False


class AIter:
    def __init__(self, *items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend("anext")
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def continued_strings():
    s = 'abc\
def'
    print(repr(s))
    t = "line one \
    keeps its spaces \
no indent here"
    print(repr(t))
    u = b'bytes\
  continued'
    print(repr(u))
    async with Manager("w") as name:
        v = 'inside with \
col zero continuation' + \
            name
        print(repr(v))
        w = f'f-string {name} \
continued {name!r}'
        print(repr(w))
    return 'returned \
string'


async def continued_code():
    total = 1 + \
        2 + \
3
    print("total", total)
    value = await \
        Suspend("continued await")
    print("value", value)
    async with \
            Manager("continued header") \
            as name:
        doubled = name * \
2
        print(doubled)
        x = \
            await Suspend("in with")
        print("x", x)
    async for item \
        in AIter("p", "q"):
        result = item + \
            "!" \
            + item
        print(result)
        if item == \
                "p":
            continue
        print("after continue", item)
    else: \
        print("else on continued line")
    async with Manager("one-line continued"): \
        print("body after backslash")
    return total + \
len(doubled)


async def main():
    print(repr(await continued_strings()))
    print(await continued_code())


run(main())
