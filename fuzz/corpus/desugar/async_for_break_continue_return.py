# async for: break, continue and return inside the body (including from nested loops and inside try/finally); __anext__ is not called again after break/return
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
    def __init__(self, name, n):
        self.name = name
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        print("  __anext__", self.name, self.i)
        await Suspend("anext %s %d" % (self.name, self.i))
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


def compute(v):
    print("  computing return value from", v)
    return v * 100


async def find(n, target):
    async for x in AIter("find", n):
        if x == target:
            return compute(x)
        print("  not", x)
    return None


async def return_from_nested():
    async for x in AIter("outer", 3):
        async for y in AIter("inner", 3):
            if (x, y) == (1, 1):
                return (x, y)


async def finally_on_return():
    try:
        async for x in AIter("tf", 5):
            try:
                if x == 1:
                    return "returned at 1"
            finally:
                print("  inner finally", x)
    finally:
        print("  outer finally")


async def main():
    print("continue/break:")
    async for x in AIter("cb", 10):
        if x % 2 == 0:
            continue
        if x > 4:
            break
        print("  odd", x)
    print("  after loop", x)

    print("return:")
    print("  find ->", await find(5, 2))
    print("  find missing ->", await find(2, 7))
    print("return from nested ->", await return_from_nested())
    print("return through finally ->", await finally_on_return())

    print("continue in finally-protected body:")
    async for x in AIter("cf", 2):
        try:
            continue
        finally:
            print("  finally", x)


run(main())
