# the first iterable (and its __aiter__) is evaluated in the enclosing scope, in operand order: f(a(), [x async for x in b()], c()), binary operators, shadowed names, errors raised before the loop starts
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


def note(label, value):
    print("  eval", label)
    return value


def b(name, items):
    print("  eval first iterable", name)
    return AIter(name, items)


class BadAiter:
    def __aiter__(self):
        print("  BadAiter.__aiter__ raising")
        raise KeyError("aiter")


def f(*args):
    print("  call f with", args)
    return len(args)


async def af(*args, **kwargs):
    print("  call af with", args, kwargs)
    await Suspend("af")
    return args, kwargs


async def main():
    print("call arguments:")
    print("result", f(note("a", "A"), [x async for x in b("B", [1, 2])], note("c", "C")))
    print("awaited call, comprehension in a keyword argument:")
    print("result", await af(note("a", 1), *[x async for x in b("B", [2])], **{k: v async for k, v in b("K", [("kw", 3)])}))
    print("binary operators:")
    print("result", note("left", [0]) + [x async for x in b("B", [1])] + note("right", [9]))
    print("second comprehension waits for the first to finish:")
    print("result", ([x async for x in b("P", "p")], [y async for y in b("Q", "q")]))
    print("shadowed name: the first iterable sees the outer x:")
    x = AIter("outer-x", [5, 6])
    print("result", [x * 2 async for x in x], "| outer x still", type(x).__name__, x.name)
    print("first iterable raising: the rest of the line does not run:")
    try:
        f(note("a", 1), [x async for x in note("boom", None).missing], note("c", 3))
    except AttributeError as e:
        print("  caught AttributeError:", e)
    print("__aiter__ raising:")
    try:
        f(note("a", 1), [x async for x in BadAiter()], note("c", 3))
    except KeyError as e:
        print("  caught KeyError:", e)
    print("__aiter__ raising for a generator expression happens at creation:")
    try:
        gen = (x async for x in BadAiter())
        print("  unreachable")
    except KeyError as e:
        print("  caught KeyError:", e)
    return "done"


run(main())
