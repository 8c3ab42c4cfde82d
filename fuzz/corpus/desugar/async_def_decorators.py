# decorators above async def: async and sync wrappers, stacking order, functools.wraps, decorators replacing the function
import functools


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class Suspend:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        yield self.label


def trace(label):
    print("trace factory", label)

    def deco(fn):
        print("decorating", fn.__name__, "with", label)

        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            print(label, "enter", args, sorted(kwargs.items()))
            result = await fn(*args, **kwargs)
            print(label, "exit", result)
            return result

        return wrapper

    return deco


def sync_wrap(fn):
    print("sync_wrap decorating", fn.__name__)

    def wrapper(*args):
        print("sync_wrap: creating coroutine")
        coro = fn(*args)
        print("sync_wrap: returning coroutine unstarted")
        return coro

    return wrapper


registry = []


def register(fn):
    registry.append(fn.__name__)
    return fn


def drive_now(fn):
    print("drive_now runs", fn.__name__, "at definition time")
    return run(fn())


def name_only(fn):
    return "<replaced %s>" % fn.__name__


@trace("outer")
@trace("inner")
async def add(a, b=1, *, scale=1):
    await Suspend("add")
    return (a + b) * scale


@sync_wrap
async def double(x):
    print("double body")
    await Suspend("double")
    return 2 * x


@register
async def plain():
    return "plain result"


@register
@trace("registered")
async def both():
    return "both result"


@drive_now
async def computed():
    await Suspend("computed")
    return 7


@name_only
async def gone():
    return "never"


print("registry", registry)
print("add name", add.__name__, "wrapped", add.__wrapped__.__name__)
print("add doc", add.__doc__)
print("run add ->", run(add(2, 3, scale=10)))
d = double(21)
print("double returned object, driving it")
print("run double ->", run(d))
print("run plain ->", run(plain()))
print("run both ->", run(both()))
print("computed is", computed)
print("gone is", gone)
