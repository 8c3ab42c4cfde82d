# awaiting objects that are not awaitable (int, None, str, list, function, coroutine function, class) raises TypeError


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


async def coro_fn():
    return 1


class Plain:
    pass


def sync_fn():
    return 1


async def try_await(label, obj):
    try:
        await obj
        print(label, "awaited without error?!")
    except TypeError as e:
        print(label, "->", type(e).__name__, e)


async def main():
    await try_await("int", 1)
    await try_await("None", None)
    await try_await("str", "text")
    await try_await("list", [1, 2])
    await try_await("plain instance", Plain())
    await try_await("class with no __await__", Plain)
    await try_await("sync function", sync_fn)
    await try_await("coroutine function (not called)", coro_fn)
    try:
        await 1
    except TypeError as e:
        print("literal await 1 ->", type(e).__name__, e)
    return "done"


print(run(main()))
