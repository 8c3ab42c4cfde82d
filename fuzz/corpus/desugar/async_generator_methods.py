# async generator methods: instance, staticmethod, classmethod, dunder __aiter__ written as an async generator, a subclass calling super() inside the generator, plus __name__/__qualname__ of the functions and generator objects


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


class Feed:
    prefix = "cls"

    def __init__(self, items):
        self.items = items

    async def stream(self, step=1):
        for item in self.items[::step]:
            await Suspend("stream fetch %r" % (item,))
            yield "%s:%s" % (self.prefix, item)

    @staticmethod
    async def static_range(n):
        for i in range(n):
            yield i

    @classmethod
    async def class_gen(cls, n):
        for i in range(n):
            await Suspend("%s.class_gen %d" % (cls.__name__, i))
            yield cls.prefix + str(i)

    async def __aiter__(self):
        for item in self.items:
            yield "aiter " + str(item)


class SubFeed(Feed):
    prefix = "sub"

    async def stream(self, step=1):
        yield "SubFeed header"
        async for x in super().stream(step):
            yield x.upper()
        yield "SubFeed footer"


async def collect(agen):
    out = []
    async for x in agen:
        out.append(x)
    return out


f = Feed(["a", "b", "c"])
print("== instance method")
run(collect(f.stream()))
run(collect(f.stream(step=2)))
print("== staticmethod via class and instance")
run(collect(Feed.static_range(3)))
run(collect(f.static_range(2)))
print("== classmethod via class and subclass")
run(collect(Feed.class_gen(2)))
run(collect(SubFeed.class_gen(1)))
print("== __aiter__ as an async generator: async for over the object itself")
run(collect(f))
print("== subclass override using super() inside the generator")
run(collect(SubFeed(["x", "y"]).stream()))

print("== names")
for fn in (Feed.stream, Feed.static_range, Feed.class_gen, Feed.__aiter__, SubFeed.stream):
    print(" function", fn.__name__, fn.__qualname__)
for g in (f.stream(), Feed.static_range(1), SubFeed.class_gen(1), f.__aiter__(), SubFeed([]).stream()):
    print(" generator", g.__name__, g.__qualname__)
print(" bound method name", f.stream.__name__, f.stream.__qualname__, f.stream.__self__ is f)
