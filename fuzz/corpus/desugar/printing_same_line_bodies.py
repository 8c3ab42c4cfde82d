# bodies on the same line as their header: one-line async def / async with / async for, and docstrings followed by `; stmt` on their own line
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

    async def __aenter__(self): return self.name

    async def __aexit__(self, exc_type, exc, tb): print("aexit", self.name, exc_type.__name__ if exc_type else None)


class AIter:
    def __init__(self, *items):
        self.items = list(items)

    def __aiter__(self): return self

    async def __anext__(self):
        if not self.items: raise StopAsyncIteration
        return self.items.pop(0)


async def f(): return 1
async def g(x): return await Suspend("g%d" % x)
async def h(): pass
async def k(): await Suspend("k"); return "k done"  # trailing comment
async def semi(): x = 1; y = 2; return x + y;


async def doc_then_stmt():
    """Docstring followed by a statement on its line."""; return "after docstring"


async def doc_then_await():
    "single-quoted docstring"; value = await Suspend("doc then await"); return value


async def with_and_for():
    async with Manager("m"): x = 1; y = 2
    print("x, y =", x, y)
    async with Manager("n") as v: print("as", v); z = await Suspend("in one-liner")
    print("z =", z)
    async for x in AIter(1, 2, 3): print(x)
    async for x in AIter("a", "b"): print("loop", x); await Suspend("loop " + x)
    else: print("for-else on one line")
    async with Manager("o"): pass  # comment after pass
    async for _ in AIter(): pass
    else: print("empty loop else")
    for i in range(3):
        async for x in AIter(i): continue
        async with Manager("p%d" % i): break
    while True:
        async with Manager("q"): break
    async with Manager("r"): return "returned from a one-line with"


async def main():
    print(await f(), await g(5), await h(), await k(), await semi())
    print(await doc_then_stmt(), repr(doc_then_stmt.__doc__))
    print(await doc_then_await(), repr(doc_then_await.__doc__))
    print(await with_and_for())


run(main())
