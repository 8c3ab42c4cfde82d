# throw() and close() on a coroutine suspended inside an async comprehension: the exception enters the awaited __anext__ / element await, can be caught there and iteration resumes, or propagates out; close() runs the async generator's finally
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


class Catching:
    """Async iterator whose __anext__ catches a thrown KeyError and substitutes a value."""

    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        item = self.items.pop(0)
        try:
            await Suspend("anext %r" % (item,))
        except KeyError as e:
            print("  __anext__ caught thrown", type(e).__name__, e)
            return "replaced %r" % (item,)
        return item


async def element(x):
    try:
        return await Suspend("element %r" % (x,))
    except ValueError as e:
        print("  element caught thrown", type(e).__name__, e)
        return "recovered %r" % (x,)


async def caught_in_anext():
    return [x async for x in Catching([1, 2, 3])]


async def caught_in_element():
    return [await element(x) async for x in Catching("ab")]


async def uncaught():
    return {x async for x in agen("U", [1, 2, 3])}


async def closed():
    try:
        return [await Suspend("elt %r" % (x,)) async for x in agen("C", [1, 2])]
    finally:
        print("  coroutine finally")


def drive(coro, actions):
    """Send None at each suspension; at the scripted step numbers throw an exception in or close instead."""
    step = 0
    try:
        label = coro.send(None)
        while True:
            step += 1
            action = actions.get(step)
            print("  driver: step", step, "suspended at", repr(label), "| action:", action and action[0])
            if action is None:
                label = coro.send(None)
            elif action[0] == "throw":
                label = coro.throw(action[1])
            else:
                coro.close()
                print("  driver: closed")
                return
    except StopIteration as e:
        print("  driver: finished with", repr(e.value))


print("throw KeyError into __anext__ (caught there, iteration continues):")
drive(caught_in_anext(), {2: ("throw", KeyError("k"))})
print("throw ValueError into the element await (caught, value substituted):")
drive(caught_in_element(), {2: ("throw", ValueError("v"))})
print("throw an uncaught error while the async generator is suspended:")
try:
    drive(uncaught(), {2: ("throw", OSError("thrown"))})
except OSError as e:
    print("  propagated OSError:", e)
print("close() while suspended in the element await:")
drive(closed(), {2: ("close", None)})
print("close() before the comprehension started:")
coro = closed()
coro.close()
print("  closed unstarted coroutine")
