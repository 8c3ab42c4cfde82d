# async for over an async generator driven by hand: the driver sees only the awaits' labels, the loop body sees only the yielded values; else clause and a second loop over a fresh generator


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


async def countdown(n):
    print("  gen: start", n)
    while n > 0:
        got = await Suspend("tick %d" % n)
        print("  gen: await returned", repr(got))
        yield n
        print("  gen: resumed after yield", n)
        n -= 1
    print("  gen: end")


async def consume(n):
    seen = []
    async for x in countdown(n):
        print("  body:", repr(x))
        seen.append(x)
    else:
        print("  else clause")
    return seen


print("== three values")
print("result", run(consume(3)))

print("== empty")
print("result", run(consume(0)))


async def letters():
    yield "a"
    yield "b"
    yield "c"


async def no_awaits():
    out = []
    async for ch in letters():
        out.append(ch)
    async for ch in letters():
        out.append(ch.upper())
    return "".join(out)


print("== generator without awaits never suspends the driver")
print("result", run(no_awaits()))
