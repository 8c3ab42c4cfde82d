# decorated async generator functions: a pass-through registering decorator, a functools.wraps wrapper returning the generator, an async generator wrapping another, decorator factories and stacked decorators


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

import functools

registry = []


def register(fn):
    print("register", fn.__name__)
    registry.append(fn.__name__)
    return fn


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("  logged: creating generator for", fn.__name__, args)
        return fn(*args, **kwargs)

    return wrapper


def mapped(func):
    """Decorator factory: wraps an async generator in another async generator applying func."""

    def decorate(agen_fn):
        @functools.wraps(agen_fn)
        async def wrapper(*args, **kwargs):
            print("  mapped wrapper: start")
            try:
                async for x in agen_fn(*args, **kwargs):
                    await Suspend("mapped before %r" % (x,))
                    yield func(x)
            finally:
                print("  mapped wrapper: finally")

        return wrapper

    return decorate


@register
async def plain(n):
    for i in range(n):
        yield i


@logged
async def with_log(a, b=2):
    yield a
    await Suspend("with_log await")
    yield b


@mapped(lambda x: x * 10)
async def tens(n):
    for i in range(n):
        yield i


@register
@logged
@mapped(str.upper)
async def stacked(*words):
    for w in words:
        r = await Suspend("stacked await " + w)
        yield w + "/" + str(r)


async def collect(agen):
    out = []
    async for x in agen:
        out.append(x)
    return out


print("registry", registry)
print("== plain")
run(collect(plain(3)))
print("== logged")
run(collect(with_log("A")))
print("== mapped")
run(collect(tens(3)))
print("== stacked")
run(collect(stacked("ab", "cd")))
print("== stacked, aclose after the first value")
g = stacked("x", "y")
run(g.__anext__())
run(g.aclose())
print("== names")
for fn in (plain, with_log, tens, stacked):
    print(" ", fn.__name__, fn.__qualname__, getattr(fn, "__wrapped__", None) is not None)
print(" generator of tens:", tens(1).__name__, tens(1).__qualname__)
print(" generator of with_log:", with_log(1).__name__)
