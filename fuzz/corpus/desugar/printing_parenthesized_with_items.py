# min-python: 3.9
# `async with (...)` with items on separate lines, trailing commas, comments and awaits inside, moved under new try statements
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
        await Suspend("enter " + self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is ZeroDivisionError


class AIter:
    def __init__(self, *items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def make(name):
    return Manager(await Suspend("make " + name))


async def body():
    async with (
        Manager("a") as x,
        Manager("b") as y,
    ):
        print("two items", x, y)
    async with (
        Manager("c") as c,  # comment after the first item
        # comment line between items
        await make("d") as d,
        Manager(
            "e"
        ),
        Manager("f") as f
    ):
        print("four items", c, d, f)
        async for i in AIter(1, 0):
            async with (Manager("g%d" % i) as g,
                        Manager("h%d" % i) as h):
                print("inner", g, h, 1 / i)
            print("after inner", i)
    async with (Manager("one-liner") as o, Manager("two")): print("same line", o)
    async with (
        Manager("last")
    ) as last:
        text = """multi-line string
   inside parenthesized with
"""
        print(last, repr(text))
    return "done"


async def main():
    print(await body())


run(main())
