# min-python: 3.12
# PEP 701 f-strings inside moved async bodies: replacement fields spanning lines (with comments and awaits), nested same-type quotes
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
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def fields():
    async with Manager("m") as m:
        single = f"start {
            await Suspend("inside a single-quoted f-string")  # a comment in the field
        } middle {
m.upper()
} end"
        print(repr(single))
        async for i in AIter(1, 2):
            nested = f"{"double" + f"{i!r:>{i + 2}}" + 'single'}"
            print(repr(nested))
            triple = f"""line one {i}
    line two {
        await Suspend(f"triple {i}")
    }
line three {"}" if i else "{"}
"""
            print(repr(triple))
    return f'{
        ", ".join(
            [f"{x}" for x in range(3)]
        )
    }'


async def main():
    print(repr(await fields()))


run(main())
