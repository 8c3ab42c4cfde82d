# async for with comments, blank lines, backslash continuations, multi-line iterable expressions and a comment before else
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


class AIter:
    def __init__(self, *items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


async def main():
    async for x in AIter(1, 2):  # header comment
        # first line of the body is a comment

        print("body", x)  # trailing

# column-zero comment inside the body
        print("still body", x)
    # comment before else
    else:  # else comment

        print("else")
    # comment after the loop

    async for (a,
               b) in AIter(
        (1, 2),  # item comment
        (3, 4),
    ):
        "a string statement"
        print("multi-line header", a, b)

    async for x \
            in AIter("z"):
        pass
        # only pass and comments
    print("done", x)


run(main())
