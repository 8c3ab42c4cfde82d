# CRLF line endings throughout: generated lines must use CRLF too, multi-line strings keep their contents
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


async def body(n):
    """CRLF docstring
    second line"""
    seen = []
    async with Manager("crlf") as name:  # comment after header
        async for i in AIter(*range(n)):
            if i == 1:
                continue
            text = """multi-line
  string in a CRLF file
"""
            seen.append((name, i, text))
            joined = 'backslash \
continued'
            seen.append(joined)
            total = i + \
                100
            seen.append(total)
        else:
            seen.append("else")
        # comment at the end of the with body

    async with Manager("one"): seen.append("one-liner"); seen.append(await Suspend("x"))
    async for j in AIter("j"): seen.append(j)
    return seen


async def main():
    print(repr(body.__doc__))
    for item in await body(3):
        print(repr(item))


run(main())
