# hand driver throw(): while suspended in the body __aexit__ sees the thrown exception (propagates or is suppressed and execution resumes); thrown into __aenter__ no __aexit__; thrown into __aexit__ propagates
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
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("  aenter", self.name)
        await Suspend("aenter " + self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("  aexit", self.name, exc_type.__name__ if exc_type else None, repr(exc))
        await Suspend("aexit " + self.name)
        print("  aexit", self.name, "returns", self.suppress)
        return self.suppress


async def body_case(name, suppress):
    async with Manager(name, suppress) as n:
        print("  body", n, "before suspension")
        await Suspend("body " + n)
        print("  body", n, "after suspension")
    print("  after block", name)
    await Suspend("after block " + name)
    return "finished " + name


def drive_and_throw(coro, throw_at, exc):
    """Send until the coroutine yields `throw_at`, then throw exc and keep driving."""
    value = None
    try:
        while True:
            label = coro.send(value)
            print("  driver: suspended at", repr(label))
            value = "ok"
            while label == throw_at:
                print("  driver: throwing", repr(exc))
                throw_at = None
                label = coro.throw(exc)
                print("  driver: throw() returned", repr(label))
    except StopIteration as e:
        print("  driver: finished with", repr(e.value))
    except BaseException as e:
        print("  driver: coroutine raised", type(e).__name__, e)


print("throw while suspended in body, not suppressed:")
drive_and_throw(body_case("b1", False), "body b1", KeyError("thrown"))
print("throw a class while suspended in body, suppressed:")
drive_and_throw(body_case("b2", True), "body b2", ValueError)
print("throw while suspended in __aenter__:")
drive_and_throw(body_case("b3", True), "aenter b3", KeyError("into aenter"))
print("throw while suspended in __aexit__ after a normal body:")
drive_and_throw(body_case("b4", True), "aexit b4", RuntimeError("into aexit"))
print("throw twice: into body then into __aexit__:")
coro = body_case("b5", True)
print("  ", coro.send(None))
print("  ", coro.send(None))
print("  ", coro.throw(KeyError("first")))
try:
    coro.throw(IndexError("second"))
except IndexError as e:
    print("  driver: coroutine raised", type(e).__name__, e, "| context:", repr(e.__context__))
