# async with: `break` and `continue` inside the block in for/while loops call __aexit__(None, None, None) exactly once each time; loop else is skipped by break
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
        print("  aenter", self.name)
        await Suspend("aenter " + self.name)
        return self.name

    async def __aexit__(self, exc_type, exc, tb):
        print("  aexit", self.name, exc_type, exc)
        return False


async def main():
    print("for loop:")
    for i in range(5):
        async with Manager("for%d" % i) as name:
            if i == 1:
                print("  continue in", name)
                continue
            if i == 3:
                print("  break in", name)
                break
            print("  body end", name)
        print("  after block", i)
    else:
        print("  for-else (must not run)")

    print("while loop:")
    n = 0
    while True:
        n += 1
        async with Manager("while%d" % n):
            if n < 3:
                continue
            break
    print("  n =", n)

    print("for loop without break:")
    for i in range(2):
        async with Manager("nb%d" % i):
            continue
    else:
        print("  for-else runs")

    print("break inside nested async with:")
    for i in range(3):
        async with Manager("outer%d" % i):
            async with Manager("inner%d" % i):
                if i == 1:
                    break
    print("  after loop i =", i)

    print("continue inside try/finally inside async with:")
    for i in range(2):
        async with Manager("tf%d" % i):
            try:
                continue
            finally:
                print("  finally", i)


run(main())
