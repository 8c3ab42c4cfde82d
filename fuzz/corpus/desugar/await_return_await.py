# return await x versus returning the coroutine itself: exceptions caught inside try, finally ordering, chained returns


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class Step:
    def __init__(self, label, value):
        self.label = label
        self.value = value

    def __await__(self):
        print("await", self.label)
        yield self.label
        return self.value


async def fails():
    await Step("fails", None)
    raise ValueError("inner failure")


async def value(v):
    await Step("value %r" % (v,), None)
    return v


async def return_await_in_try():
    try:
        return await fails()
    except ValueError as e:
        print("caught inside return_await_in_try:", e)
        return "recovered"


async def return_coroutine_in_try():
    try:
        return fails()
    except ValueError:
        print("never caught here")
        return "unreachable"


async def return_await_with_finally():
    try:
        return await value("v")
    finally:
        print("finally after awaited return value is computed")


async def chain(n):
    if n == 0:
        return await value("bottom")
    return await chain(n - 1)


async def return_tuple():
    return await value(1), await value(2)


async def return_expression():
    return (await value(3)) * 2 + await value(4)


async def main():
    print("1:", await return_await_in_try())
    coro = await return_coroutine_in_try()
    print("2: got an unawaited coroutine back, awaiting it now")
    try:
        await coro
    except ValueError as e:
        print("2: caught in caller:", e)
    print("3:", await return_await_with_finally())
    print("4:", await chain(3))
    print("5:", await return_tuple())
    print("6:", await return_expression())
    return "done"


print(run(main()))
