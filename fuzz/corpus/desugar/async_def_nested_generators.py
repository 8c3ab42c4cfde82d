# plain generators, lambdas and generator-based awaitables defined inside an async def keep their own (non-async) semantics


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


async def main():
    def countdown(n):
        while n:
            got = yield n
            if got is not None:
                print("countdown got", got)
            n -= 1
        return "liftoff"

    def delegating():
        result = yield from countdown(2)
        yield result

    class Pause:
        def __init__(self, label):
            self.label = label

        def __await__(self):
            print("Pause.__await__ for", self.label)
            value = yield "pause " + self.label
            return value

    gen = countdown(3)
    print("gen type is generator:", type(gen).__name__)
    print("next", next(gen))
    print("send", gen.send("hello"))
    print("list rest", list(gen))
    print("delegating", list(delegating()))
    print("genexp", list(x * 2 for x in range(3)))
    square = lambda v: v * v
    print("lambda", square(7))
    got = await Pause("a")
    print("pause returned", got)
    await Pause("b")
    inner = countdown(1)
    print("after await, generator still works", next(inner))
    try:
        next(inner)
    except StopIteration as e:
        print("generator return value", e.value)
    return "main done"


print(run(main()))
