# a latin-1 encoded file (coding cookie on line 2) with non-ASCII characters in strings, comments and names inside async code
# -*- coding: latin-1 -*-
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
        await Suspend("entrée " + self.name)  # entrée: « enter »
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


async def café(prix):
    """Café crème -- ½ prix, 3°C, ÿ and the C1 byte € here: <€>."""
    # commentaire : déjà vu, naïve façade, ß, µ, ¿¡
    async with Manager("crème brûlée") as nom:
        température = await Suspend("chaud à 90°")
        texte = """première ligne
  deuxième -- non, latin-1 has no em dash: --
 non-breaking space at column 0, then C1 bytes <…Ÿ>
"""
        print(ascii(nom), ascii(température), ascii(texte))
        async for élément in AIter("à", "é", "ü", "ÿ"):
            print("element", ascii(élément), ord(élément))  # ½ ¼ ¾
    octets = b"bytes stay ASCII"
    print(ascii(octets))
    return prix * 2, "¤" + str(prix)


async def main():
    print(ascii(café.__doc__))
    print(ascii(café.__name__))
    print(ascii(await café(21)))


run(main())
