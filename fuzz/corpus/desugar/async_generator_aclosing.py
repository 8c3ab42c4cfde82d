# min-python: 3.10
# contextlib.aclosing closes an async generator at the end of the async with block: after a break, after an exception in the body, and when the generator was already exhausted; the finally's await reaches the driver


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

import contextlib


async def numbers(tag):
    try:
        for i in range(5):
            yield i
            await Suspend("%s after %d" % (tag, i))
    finally:
        print("  %s: finally starts" % tag)
        await Suspend("%s finally await" % tag)
        print("  %s: finally done" % tag)


async def with_break():
    async with contextlib.aclosing(numbers("brk")) as g:
        async for x in g:
            print("  got", x)
            if x == 1:
                print("  break")
                break
        print("  end of with body (generator not yet closed)")
    print("  after async with")
    return "break done"


async def with_exception():
    try:
        async with contextlib.aclosing(numbers("exc")) as g:
            async for x in g:
                print("  got", x)
                raise ValueError("body failed")
    except ValueError as e:
        print("  caught", e, "after the generator was closed")
    return "exception done"


async def already_exhausted():
    async with contextlib.aclosing(numbers("full")) as g:
        async for x in g:
            pass
        print("  loop finished, last", x)
    print("  after async with (aclose of a finished generator does nothing)")
    return "exhausted done"


async def returns_thing():
    cm = contextlib.aclosing(numbers("ret"))
    async with cm as g:
        print("  aclosing returns the generator itself:", g is cm.thing)
        print("  first", await g.__anext__())
    return "returns done"


for main in (with_break, with_exception, already_exhausted, returns_thing):
    print("==", main.__name__)
    run(main())
