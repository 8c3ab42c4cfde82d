# async with a, b: when b's expression, b's __aenter__ lookup or b's __aenter__ fails, only a's __aexit__ runs and receives that error
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
    def __init__(self, name, fail_enter=False, suppress=False):
        self.name = name
        self.fail_enter = fail_enter
        self.suppress = suppress

    async def __aenter__(self):
        print("aenter", self.name)
        await Suspend("aenter " + self.name)
        if self.fail_enter:
            print("aenter", self.name, "raising")
            raise ValueError("enter of %s failed" % self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress


class NotAManager:
    pass


def broken_expression():
    print("evaluating broken manager expression")
    raise LookupError("no manager")


async def main():
    print("-- second __aenter__ raises")
    try:
        async with Manager("a") as x, Manager("b", fail_enter=True) as y:
            print("body (unreachable)")
    except ValueError as e:
        print("caught", type(e).__name__, e)

    print("-- second __aenter__ raises, first suppresses")
    async with Manager("a", suppress=True) as x, Manager("b", fail_enter=True) as y:
        print("body (unreachable)")
    print("continued after block")

    print("-- second manager expression raises")
    try:
        async with Manager("a"), broken_expression():
            print("body (unreachable)")
    except LookupError as e:
        print("caught", type(e).__name__, e)

    print("-- second manager has no __aenter__/__aexit__")
    try:
        async with Manager("a"), NotAManager():
            print("body (unreachable)")
    except (AttributeError, TypeError) as e:
        print("caught", type(e).__name__, e)

    print("-- third of three fails")
    try:
        async with Manager("a"), Manager("b"), Manager("c", fail_enter=True):
            print("body (unreachable)")
    except ValueError as e:
        print("caught", type(e).__name__, e)

    print("-- first fails: nothing exits")
    try:
        async with Manager("a", fail_enter=True), broken_expression():
            print("body (unreachable)")
    except ValueError as e:
        print("caught", type(e).__name__, e)


run(main())
