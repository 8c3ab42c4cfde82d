# SystemExit raised inside an async generator passes through __anext__ and the async for (finally blocks run, except Exception does not catch it) and ends the program with its exit code
class Suspend:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        return (yield self.label)


async def gen():
    try:
        yield 1
        await Suspend("about to exit")
        raise SystemExit(3)
    except Exception:
        print("not reached: SystemExit is not an Exception")
    finally:
        print("gen finally")


async def main():
    try:
        async for x in gen():
            print("got", x)
    finally:
        print("main finally")


coro = main()
try:
    while True:
        print("driver saw", coro.send(None))
finally:
    print("driver finally")
