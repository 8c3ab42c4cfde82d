# parenthesized expressions spanning many lines that contain await: calls, dict/list literals, conditionals, subscripts, headers
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
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        return False


class AIter:
    def __init__(self, *items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)


def show(*args, **kwargs):
    print("show", args, sorted(kwargs.items()))
    return len(args) + len(kwargs)


async def expressions():
    async with Manager("m") as m:
        count = show(
            await Suspend("arg 1"),
            m,
            # a comment between arguments
            await Suspend(
                "arg 3"
            ),
            key=await Suspend("kwarg"),
            other=(
                await Suspend("nested paren")
            ),
        )
        print("count", count)
        table = {
            "a": await Suspend("dict a"),
            "b": [
                await Suspend("list 0"),
                2,
                await Suspend("list 2"),
            ],
            await Suspend("dict key"):
                "value",
        }
        print(sorted(table.items(), key=repr))
    async for item in AIter(
        (
            1,
            2,
        ),
        [3,
         4],
    ):
        total = (item[0]
                 + len(await Suspend("sum %r" % (item,)))
                 if item[0] > 2
                 else item[1]
                 )
        print("total", total)
        pick = [10, 20, 30][
            await Suspend("index")
            == "never"
        ]
        print("pick", pick)
    text = ("implicit "
            "concatenation " +
            str(await Suspend("concat")) +
            """ and a
triple-quoted part""")
    print(repr(text))
    return (
        await Suspend("returned")
    ,
        [
            x
            for x in range(3)
        ]
    )


async def main():
    print(await expressions())


run(main())
