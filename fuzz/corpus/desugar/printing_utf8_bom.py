# a UTF-8 file starting with a byte order mark, with non-ASCII text inside async code
"""Module docstring after the BOM: naïve — ✓"""
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
            print("  driver: suspended at", ascii(label), "-> resume with", ascii(value))
    except StopIteration as e:
        print("  driver: finished with", ascii(e.value))
        return e.value


class Manager:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await Suspend("enter " + self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", ascii(self.name), exc_type.__name__ if exc_type else None)
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


async def grüße(n):
    """Grüße aus Köln — 日本語 — emoji 🐍."""
    # Kommentar: ä ö ü ß, Ελληνικά, русский
    async with Manager("größe") as größe:
        wert = await Suspend("→ suspend ←")
        text = """erste Zeile — 🐍
  zweite Zeile: ÄÖÜ
 column zero after a no-break space
"""
        print(ascii(größe), ascii(wert), ascii(text))
        async for zeichen in AIter("€", "𝄞", "\N{SNOWMAN}"):
            print("zeichen", ascii(zeichen), len(zeichen))
    return n, "½"


async def main():
    print(ascii(__doc__))
    print(ascii(grüße.__doc__), ascii(grüße.__name__))
    print(ascii(await grüße(3)))


run(main())
