# closures and nonlocal in async generators: shared counters across generators, loop-variable capture, async generators defined inside async generators and coroutines, default arguments evaluated at def time


class Suspend:
    """Awaitable that suspends once, handing its label to the driver, and returns what the driver sends back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        reply = yield self.label
        return reply


def run(aw):
    """Drive one awaitable (a coroutine, agen.__anext__(), asend(), athrow(), aclose()) by hand."""
    n = 0
    reply = None
    try:
        while True:
            label = aw.send(reply)
            n += 1
            reply = "r%d" % n
            print("  driver: suspended at", repr(label), "-> resume with", repr(reply))
    except StopIteration as e:
        print("  driver: completed with", repr(e.value))
        return e.value
    except StopAsyncIteration:
        print("  driver: StopAsyncIteration")
    except Exception as e:
        print("  driver: raised %s: %s" % (type(e).__name__, e))


def make_pair():
    count = 0
    log = []

    async def producer(n):
        nonlocal count
        for i in range(n):
            count += 1
            log.append("p%d" % i)
            await Suspend("producer %d (count %d)" % (i, count))
            yield count

    async def resetter():
        nonlocal count
        old = count
        count = 0
        yield "reset from %d" % old

    def state():
        return count, list(log)

    return producer, resetter, state


producer, resetter, state = make_pair()


async def main():
    async for v in producer(2):
        print("  main got", v, "state", state())
    async for v in resetter():
        print("  main got", v, "state", state())
    async for v in producer(1):
        print("  main got", v, "state", state())
    return state()


print("== shared nonlocal")
run(main())


def side(x):
    print("  default evaluated:", x)
    return x


async def outer(k):
    gens = []
    for i in range(3):
        async def captured(i=i, late=None, d=side("d%d" % i)):
            yield (i, k, d)
            yield ("late-bound k", k)

        gens.append(captured)
    k = "changed"
    for make in gens:
        async for v in make():
            yield v

    async def inner_gen():
        nonlocal k
        k = "set by inner_gen"
        yield "inner_gen ran"

    async for v in inner_gen():
        yield v
    yield ("k now", k)


async def collect(agen):
    out = []
    async for x in agen:
        out.append(x)
    return out


print("== nested definitions, defaults and late binding")
for item in run(collect(outer("K"))):
    print(" ", item)


async def counter_factory(start):
    total = start

    async def add(values):
        nonlocal total
        for v in values:
            total += v
            yield total

    seen = []
    async for t in add([1, 2, 3]):
        seen.append(t)
        await Suspend("counter after %d" % t)
    return seen, total


print("== async generator inside a coroutine modifies the coroutine's local")
run(counter_factory(10))
