# yield inside async with in an async generator: __aenter__/__aexit__ awaits suspend the driver; __aexit__ runs on exhaustion, on athrow (and may suppress), on aclose, and when the consumer breaks and the generator is closed


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


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        r = await Suspend("%s.__aenter__" % self.name)
        print("  %s entered (await returned %r)" % (self.name, r))
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        print("  %s.__aexit__(%s, %r)" % (self.name, typ.__name__ if typ else None, val))
        await Suspend("%s.__aexit__" % self.name)
        return self.suppress


async def gen(suppress=False):
    async with Resource("outer") as a:
        yield a
        async with Resource("inner", suppress) as b:
            x = yield b
            print("  gen: got", repr(x))
            yield a + b
        print("  gen: after inner block")
        yield "after inner"
    print("  gen: after outer block")


print("== full iteration")
g = gen()
for i in range(5):
    run(g.__anext__())

print("== athrow inside inner block, not suppressed")
g = gen()
run(g.__anext__())
run(g.__anext__())
run(g.athrow(ValueError("thrown in")))
run(g.__anext__())

print("== athrow inside inner block, inner suppresses")
g = gen(suppress=True)
run(g.__anext__())
run(g.__anext__())
run(g.athrow(ValueError("suppressed")))
run(g.__anext__())

print("== aclose inside inner block (suppress=True cannot swallow GeneratorExit silently)")
g = gen(suppress=True)
run(g.__anext__())
run(g.__anext__())
run(g.aclose())
print(" the generator is still suspended at 'after inner'; finish it")
run(g.__anext__())
run(g.__anext__())

print("== aclose inside inner block (suppress=False)")
g = gen()
run(g.__anext__())
run(g.__anext__())
run(g.aclose())


async def consumer():
    g = gen()
    try:
        async for x in g:
            print("  consumer got", x)
            if x == "INNER":
                print("  consumer: break")
                break
    finally:
        print("  consumer: closing generator")
        await g.aclose()
    return "done"


print("== consumer breaks then acloses")
run(consumer())
