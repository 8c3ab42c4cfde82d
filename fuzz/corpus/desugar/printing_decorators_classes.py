# decorators with arguments spanning several lines, decorated async methods, and async defs nested in sync defs nested in classes
import functools


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

    async def __aenter__(self):
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
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


def traced(label,
           *,
           prefix="[",
           suffix="]"):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            print(prefix + label + suffix, fn.__name__, fn.__qualname__)
            return fn(*args, **kwargs)
        return wrapper
    return decorate


REGISTRY = {}


def register(
    name,
    **options
):
    def decorate(fn):
        REGISTRY[name] = (fn.__name__, sorted(options.items()))
        return fn
    return decorate


@register(
    "top",
    kind="function",  # comment inside decorator arguments
    priority=(
        1,
        2,
    ),
)
@traced(
    "top-level",
    prefix="<",
    suffix=">",
)
async def top(x):
    async with Manager("top") as m:
        return m + str(await Suspend(x))


class Service:
    prefix = "svc"

    @traced("method",
            prefix="{", suffix="}")
    async def method(self, n):
        """Method docstring."""
        async for i in AIter(*range(n)):
            await Suspend("method %d" % i)
        return self.prefix + str(n)

    @staticmethod
    @traced(
        "static"
    )
    async def static(value):
        async with Manager("static"):
            return value * 2

    @classmethod
    @register("cls",
              kind="classmethod")
    async def create(cls,
                     name,
                     ):
        async with Manager(name) as entered:
            return cls.__name__ + ":" + entered

    @property
    def lazy(self):
        async def compute():
            return self.prefix + "-lazy"
        return compute

    def factory(self, base):
        @traced("nested")
        async def nested(extra):
            async for i in AIter(base, extra):
                await Suspend("nested %s" % i)

            @register("deepest", level=3)
            async def deepest():
                return base + extra
            return await deepest()
        return nested

    class Inner:
        @traced("inner-class")
        async def inner(self):
            def sync_helper():
                async def innermost():
                    async with Manager("innermost") as name:
                        return name
                return innermost
            return await sync_helper()()


async def main():
    print(await top("t"))
    svc = Service()
    print(await svc.method(2), Service.method.__doc__)
    print(await Service.static(21))
    print(await Service.create("made"))
    print(await svc.lazy())
    print(await svc.factory(10)(5))
    print(await Service.Inner().inner())
    print(Service.factory.__qualname__, svc.factory(1).__qualname__)
    print(Service.Inner.inner.__qualname__, Service.create.__qualname__)
    for name in sorted(REGISTRY):
        print(name, REGISTRY[name])


run(main())
