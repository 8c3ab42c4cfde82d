# async comprehension protocol errors: first or nested iterable without __aiter__ (list literal, which 3.7+ reports as a tuple, list variable, sync generator), __aiter__ returning an object without __anext__, __anext__ returning a non-awaitable, and an async generator used with a plain for; messages are version dependent; one uncaught
import sys


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


class NoAnext:
    def __aiter__(self):
        print("  NoAnext.__aiter__")
        return object()


class BadAnext:
    def __init__(self):
        self.calls = 0

    def __aiter__(self):
        return self

    def __anext__(self):
        self.calls += 1
        print("  BadAnext.__anext__ call", self.calls)
        if self.calls == 1:
            return Value("ok", "first")
        return 42


async def agen_one():
    yield 1


def sync_gen():
    print("  sync_gen body (must not run)")
    yield 1


async def first_list_literal():
    return [x async for x in [1, 2]]


async def first_list_variable():
    items = [1, 2]
    return [x async for x in items]


async def first_sync_generator():
    return [x async for x in sync_gen()]


async def nested_plain_list():
    return [(x, y) async for x in AIter("outer", [1]) async for y in [1, 2]]


async def aiter_without_anext():
    return {x async for x in NoAnext()}


async def anext_not_awaitable():
    return [x async for x in BadAnext()]


async def async_gen_in_sync_for():
    return [x for x in agen_one()]


async def main():
    # Known difference: CPython turns a list display iterated by an `async
    # for` clause into a tuple (3.8+; constants only on 3.7), which shows in
    # the TypeError; the desugared code always does, as 3.8+.
    literal = [first_list_literal, nested_plain_list] if sys.version_info >= (3, 8) else []
    for func in literal + [first_list_variable, first_sync_generator, aiter_without_anext,
                 anext_not_awaitable, async_gen_in_sync_for]:
        print(func.__name__ + ":")
        try:
            print("  returned", await func())
        except TypeError as e:
            print("  TypeError:", e)
    print("uncaught:")
    print({k: v async for k, v in AIter("last", [("a", 1)]) async for _ in range(1)})


run(main())
