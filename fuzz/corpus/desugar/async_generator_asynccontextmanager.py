# min-python: 3.7
# contextlib.asynccontextmanager over async generators: awaits in setup/teardown reach the driver; an exception in the with-body is thrown in at the yield and caught (suppressed), re-raised, or replaced; generators that do not yield or yield twice


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


@contextlib.asynccontextmanager
async def resource(name, on_error="reraise"):
    print("  %s: setup" % name)
    got = await Suspend("%s setup await" % name)
    print("  %s: setup await returned %r" % (name, got))
    try:
        yield "%s-handle" % name
    except KeyError as e:
        print("  %s: caught %r at the yield" % (name, e))
        await Suspend("%s error handling" % name)
        if on_error == "reraise":
            raise
        if on_error == "replace":
            raise RuntimeError("replaced by %s" % name) from e
        print("  %s: suppressing" % name)
    else:
        print("  %s: no error" % name)
    finally:
        print("  %s: teardown" % name)
        await Suspend("%s teardown await" % name)


async def use(name, on_error, body_raises):
    try:
        async with resource(name, on_error) as handle:
            print("  body: got", handle)
            await Suspend("body await")
            if body_raises:
                raise KeyError("from body")
            print("  body: done")
        print("  after async with (error suppressed or none)")
        return "ok"
    except KeyError as e:
        print("  use caught KeyError %s, from body: %s" % (e, e.args == ("from body",)))
        return "reraised"
    except RuntimeError as e:
        print("  use caught RuntimeError %s, cause %r" % (e, e.__cause__))
        return "replaced"


print("== no error")
run(use("a", "reraise", False))
print("== error re-raised by the generator")
run(use("b", "reraise", True))
print("== error suppressed by the generator")
run(use("c", "suppress", True))
print("== error replaced by the generator")
run(use("d", "replace", True))
print("== exception the generator does not catch")


async def not_caught():
    try:
        async with resource("e") as h:
            raise ValueError("not a KeyError")
    except ValueError as e:
        print("  caught outside:", e)
    return "done"


run(not_caught())


@contextlib.asynccontextmanager
async def no_yield():
    await Suspend("no_yield await")
    if False:
        yield


@contextlib.asynccontextmanager
async def yields_twice():
    try:
        yield 1
    except Exception as e:
        print("  yields_twice: caught", repr(e))
    await Suspend("yields_twice between")
    yield 2


async def broken(cm, raise_in_body):
    try:
        async with cm as v:
            print("  body got", v)
            if raise_in_body:
                raise IndexError("body error")
    except RuntimeError as e:
        print("  RuntimeError:", e)
    except IndexError as e:
        print("  IndexError:", e)
    return "broken done"


print("== generator that does not yield")
run(broken(no_yield(), False))
print("== generator that yields twice, normal exit")
run(broken(yields_twice(), False))
print("== generator that yields twice, exit with an exception")
run(broken(yields_twice(), True))


@contextlib.asynccontextmanager
async def nested_managers():
    async with resource("outer") as o:
        async with resource("inner", "suppress") as i:
            yield (o, i)


async def use_nested():
    async with nested_managers() as pair:
        print("  nested body got", pair)
        raise KeyError("into nested")
    print("  after nested (inner suppressed)")
    return "nested ok"


print("== nested managers inside a managed generator")
run(use_nested())
