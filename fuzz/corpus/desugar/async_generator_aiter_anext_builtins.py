# min-python: 3.10
# aiter()/anext() builtins on async generators: aiter returns the generator itself, anext(agen) steps it, anext(agen, default) returns the default once exhausted, exceptions pass through the default form, awaits still reach the driver


class Suspend:
    """Awaitable that suspends once, handing its label to the driver, and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        reply = yield self.label
        return reply


def run(aw):
    """Drive one awaitable (a coroutine, agen.__anext__(), asend(), athrow(), aclose()) by hand."""
    n = 0
    reply = None
    try:
        while True:
            label = aw.send(reply)
            n += 1
            reply = "r%d" % n
            print("  driver: suspended at", repr(label), "-> resume with", repr(reply))
    except StopIteration as e:
        print("  driver: completed with", repr(e.value))
        return e.value
    except StopAsyncIteration:
        print("  driver: StopAsyncIteration")
    except Exception as e:
        print("  driver: raised %s: %s" % (type(e).__name__, e))


async def gen():
    try:
        for i in range(2):
            r = await Suspend("gen await %d" % i)
            print("  gen: await %d returned %r" % (i, r))
            yield i
    finally:
        print("  gen: finally")


async def failing():
    yield "ok"
    await Suspend("before failure")
    raise KeyError("failure inside")


async def main():
    g = gen()
    print("  aiter(g) is g:", aiter(g) is g)
    print("  anext(g) ->", await anext(g))
    print("  anext(g, 'dflt') ->", await anext(g, "dflt"))
    print("  anext(g, 'dflt') after the end ->", await anext(g, "dflt"))
    print("  again ->", await anext(g, None))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("  anext(g) without default -> StopAsyncIteration")

    f = failing()
    print("  anext(f, 'd') ->", await anext(f, "d"))
    try:
        await anext(f, "d")
    except KeyError as e:
        print("  anext(f, 'd') raised KeyError", e)
    print("  anext(f, 'd') after the failure ->", await anext(f, "d"))

    h = gen()
    async for x in aiter(h):
        print("  async for over aiter(h):", x)
    return "main done"


print("== aiter/anext in a coroutine")
run(main())

print("== driving anext(agen, default) awaitables by hand")
g = gen()
run(anext(g, "default"))
run(anext(g, "default"))
run(anext(g, "default"))
run(anext(g, "default"))

print("== bad arguments")
for call in (lambda: aiter(42), lambda: anext(42), lambda: anext([1, 2], None)):
    try:
        call()
    except TypeError as e:
        print("  TypeError:", e)
