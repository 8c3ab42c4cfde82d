# SystemExit raised inside a coroutine passes through awaits and finally blocks and sets the process exit code
import sys


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


async def leaf():
    await Suspend("leaf")
    try:
        raise ValueError("ignored")
    except Exception:
        print("leaf exits with 3")
        sys.exit(3)


async def middle():
    try:
        await leaf()
    except Exception:
        print("not reached: SystemExit is not an Exception")
    finally:
        print("middle finally")


try:
    run(middle())
finally:
    print("top-level finally")
print("not reached")
