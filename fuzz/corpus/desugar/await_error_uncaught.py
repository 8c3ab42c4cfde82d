# an await on a non-awaitable deep inside a chain of coroutines, uncaught: TypeError traceback at top level, finally blocks run


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class Step:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        yield self.label


async def bad():
    await Step("before bad await")
    value = {"not": "awaitable"}
    return await value


async def outer():
    try:
        return await bad()
    finally:
        print("outer finally")


run(outer())
print("not reached")
