# recursive coroutines: fib awaiting itself, mutual recursion, and a deeper recursion without suspension


class Tick:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        yield self.n


def run(coro, verbose=False):
    count = 0
    try:
        while True:
            v = coro.send(None)
            count += 1
            if verbose:
                print("yielded", v)
    except StopIteration as e:
        return e.value, count


async def fib(n):
    if n < 2:
        await Tick(n)
        return n
    return await fib(n - 1) + await fib(n - 2)


async def is_even(n):
    if n == 0:
        return True
    return await is_odd(n - 1)


async def is_odd(n):
    if n == 0:
        return False
    await Tick("odd %d" % n)
    return await is_even(n - 1)


async def depth(n):
    if n == 0:
        return 0
    return 1 + await depth(n - 1)


async def depth_then_suspend(n):
    if n == 0:
        got = await Tick("bottom")
        return "bottom"
    return await depth_then_suspend(n - 1)


print("fib(5)", run(fib(5), verbose=True))
print("fib(12)", run(fib(12)))
print("is_even(7)", run(is_even(7), verbose=True))
print("is_even(10)", run(is_even(10)))
print("depth(150)", run(depth(150)))
print("depth_then_suspend(100)", run(depth_then_suspend(100), verbose=True))
