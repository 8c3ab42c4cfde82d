# async with with comments, blank lines, backslash continuations, multi-line headers and string statements inside/around the block
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
    def __init__(self, name, *extra):
        self.name = name

    async def __aenter__(self):
        print("aenter", self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        return False


async def main():
    async with Manager("a") as v:  # trailing comment on the header
        # comment as the first line of the body

        print("body", v)  # trailing comment

        # comment between statements

# a comment at column zero inside the block
        print("still in the body")
    # comment after the block, at the block's indentation
    print("after a")

    async with Manager(
        "b",  # argument comment
        "ignored",
    ) as v:
        "a string statement is just an expression"
        print("body", v)

    async with \
            Manager("c") as v, \
            Manager("d"):
        print("body", v)

    async with Manager("e"):

        pass

    async with Manager("f"):
        # only a comment and a pass
        pass
        # trailing comment at the end of the block
    # dedented comment

    print("done")


run(main())
