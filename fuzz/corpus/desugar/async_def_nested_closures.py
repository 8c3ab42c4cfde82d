# nested async defs and closures: nonlocal rebinding across suspensions, factories, late binding, global, classes inside


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


counter = 0


async def bump_global():
    global counter
    before = counter
    await Suspend("global")
    counter = before + 1
    return counter


def make_adder(k):
    async def adder(x):
        await Suspend("adder %d" % k)
        return x + k
    return adder


async def outer(n):
    count = 0
    history = []

    async def inc(by):
        nonlocal count
        old = count
        await Suspend("inc %d" % by)
        count = old + by
        history.append(count)
        return count

    async def read():
        return count

    for i in range(1, n + 1):
        r = await inc(i)
        print("inc returned", r)
    print("read", await read(), "history", history)

    async def level1(a):
        async def level2(b):
            async def level3(c):
                await Suspend("level3")
                return a + b + c + count
            return await level3(b * 10)
        return await level2(a * 10)

    print("three levels", await level1(1))

    late = []
    for i in range(3):
        async def f():
            return i
        late.append(f)
    print("late binding", [run(g()) for g in late])

    bound = []
    for i in range(3):
        async def g(i=i):
            return i
        bound.append(g)
    print("default binding", [run(h()) for h in bound])

    class Local:
        factor = n

        async def scaled(self, x):
            await Suspend("scaled")
            return x * self.factor + count

    print("local class", await Local().scaled(2))
    return count


print("outer ->", run(outer(3)))
add5 = make_adder(5)
add7 = make_adder(7)
print("adders", run(add5(1)), run(add7(1)))
print("global", run(bump_global()), run(bump_global()), counter)
