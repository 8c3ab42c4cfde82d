# async comprehensions evaluated at definition time inside an async def: decorators, default and keyword-only defaults, lambda defaults, class decorators, bases and keywords, bodies on the line of a decorated or multi-line def; traced evaluation order
# (in annotations: annotation_comprehensions.py)
class Suspend:
    """Awaitable that yields its label to the driver once and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield self.label
        return sent


class Value:
    """Awaitable that yields its label to the driver once and then returns a fixed value."""

    def __init__(self, label, value):
        self.label = label
        self.value = value

    def __await__(self):
        yield self.label
        return self.value


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


class AIter:
    """Async iterator over items: prints every protocol call and suspends once per __anext__."""

    def __init__(self, name, items):
        self.name = name
        self.items = list(items)
        self.i = 0

    def __aiter__(self):
        print("  %s.__aiter__" % self.name)
        return self

    async def __anext__(self):
        await Suspend("%s.anext%d" % (self.name, self.i))
        if self.i >= len(self.items):
            print("  %s exhausted" % self.name)
            raise StopAsyncIteration
        item = self.items[self.i]
        self.i += 1
        print("  %s -> %r" % (self.name, item))
        return item


async def agen(name, items):
    """Async generator over items: prints start, each yield and its finally; suspends before each item."""
    print("  %s: start" % name)
    try:
        for item in items:
            await Suspend("%s.before%r" % (name, item))
            print("  %s: yield %r" % (name, item))
            yield item
        print("  %s: end" % name)
    finally:
        print("  %s: finally" % name)


def deco(tags):
    print("  decorator expression produced", tags)

    def apply(obj):
        print("  applying decorator", tags, "to", obj.__name__)
        obj.tags = tags
        return obj
    return apply


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("  Meta.__new__", name, [b.__name__ for b in bases], sorted(kw.items()))
        return super().__new__(mcls, name, bases, ns)


class Base:
    pass


async def main():
    print("decorated def with defaults:")

    @deco([t async for t in AIter("deco", ["d1", "d2"])])
    def inner(a=[x * 2 async for x in AIter("default", [1, 2])],
              *, k={x: x async for x in agen("kwdefault", "k")}
              ):
        return a, k
    print("  inner() ->", inner(), "tags", inner.tags)
    print("  defaults", inner.__defaults__, inner.__kwdefaults__)

    print("async def nested in async def with comprehension defaults:")

    async def nested(items=[await Value("v%r" % x, x) async for x in AIter("nd", [3])]):
        return [i + 1 async for i in AIter("body", items)]
    print("  nested() ->", await nested())

    print("decorated and multi-line headers with the body on the def line:")

    @deco(["same-line"])
    async def decorated(items): return [i * 10 async for i in AIter("decorated", items)]
    print("  decorated() ->", await decorated([1, 2]), "tags", decorated.tags)

    async def spread(
        items,
    ): return [i + 100 async for i in AIter("spread", items)]
    print("  spread() ->", await spread([1]))

    print("lambda default:")
    f = lambda acc=[x async for x in agen("lam", [4, 5])]: sum(acc)
    print("  f() ->", f(), "| f([1]) ->", f([1]))

    print("class statement:")

    @deco(tuple([c async for c in AIter("cdeco", "c")]))
    class Built(*[b async for b in AIter("bases", [Base])], metaclass=Meta,
                **{k: v async for k, v in AIter("kw", [("flag", True)])}):
        attr = "class body runs synchronously"
    print("  Built ->", Built.__name__, Built.tags, Built.attr, [c.__name__ for c in Built.__mro__])
    return "done"


run(main())
