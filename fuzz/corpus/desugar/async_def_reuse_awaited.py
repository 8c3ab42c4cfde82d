# awaiting or sending to an already-finished coroutine raises RuntimeError; awaiting one that is already being awaited too


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


async def once():
    print("once body")
    return 1


async def failing():
    raise ValueError("first run fails")


async def slow():
    print("slow start")
    await Suspend("slow")
    print("slow end")
    return "slow result"


async def main():
    c = once()
    print("first await", await c)
    try:
        await c
    except RuntimeError as e:
        print("second await:", type(e).__name__, e)
    try:
        await c
    except RuntimeError as e:
        print("third await:", type(e).__name__, e)

    f = failing()
    try:
        await f
    except ValueError as e:
        print("failing first:", type(e).__name__, e)
    try:
        await f
    except RuntimeError as e:
        print("failing again:", type(e).__name__, e)
    return "main done"


print(run(main()))

c = once()
print("send ->", end=" ")
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("send after finish:", type(e).__name__, e)

c = once()
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print("send after close:", type(e).__name__, e)

shared = slow()


async def first_awaiter():
    return await shared


async def second_awaiter():
    try:
        return await shared
    except RuntimeError as e:
        return "second awaiter: %s %s" % (type(e).__name__, e)


a = first_awaiter()
print("a yields", a.send(None))
print(run(second_awaiter()))
print("a result", run(a))
