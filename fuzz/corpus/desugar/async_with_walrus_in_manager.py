# min-python: 3.8
# async with using assignment expressions in the manager expression and in later items: binding happens before __aenter__ and is visible in the body and afterwards
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
        print("aenter", self.name)
        await Suspend("aenter " + self.name)
        return self.name + "!"

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type)
        return False


async def main():
    async with (m := Manager("w1")) as v:
        print("body", m.name, v)
    print("after", m.name, v)

    async with (a := Manager("w2")), (b := Manager(a.name + "-child")) as v:
        print("body", a.name, b.name, v)

    if (count := 2) > 1:
        async with Manager("w%d" % count) as v:
            print("body", v, [x := count * 10, x])
    print("x after =", x)


run(main())
