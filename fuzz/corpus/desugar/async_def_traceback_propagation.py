# an exception propagates through several awaits, running finally blocks on the way, and ends uncaught at top level


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


async def level3(n):
    await Suspend("level3")
    if n > 2:
        raise ValueError("deep failure %d" % n)
    return n


async def level2(n):
    try:
        return await level3(n + 1)
    finally:
        print("level2 finally")


async def level1(n):
    try:
        return await level2(n + 1)
    except KeyError:
        print("not reached: wrong type")
    finally:
        print("level1 finally")


async def top():
    print("ok path", await level1(0))
    print("failing path")
    return await level1(1)


print("result", run(top()))
print("not reached")
