# a StopIteration escaping a coroutine body, uncaught at top level: RuntimeError chained from StopIteration


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class Suspend:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        yield self.label


async def inner():
    await Suspend("inner")
    print("inner raising StopIteration")
    raise StopIteration("escaped")


async def middle():
    try:
        return await inner()
    finally:
        print("middle finally")


print("result", run(middle()))
print("not reached")
