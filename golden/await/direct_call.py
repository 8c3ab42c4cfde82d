# `await f(x)` where `f` names a coroutine function: the desugared code runs
# the body without making the coroutine object the `await` would take over.
# Everything a program can see must stay as it is: bad calls, defaults
# replaced at run time, a name rebound to another coroutine function or to
# a plain function, builtins shadowed, introspection of the awaiting
# coroutine.
import inspect
import sys
import types


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


@types.coroutine
def suspend(label):
    sent = yield label
    return sent


async def leaf(x, y=10, *, scale=1):
    got = await suspend("leaf %s" % x)
    return (x + y) * scale, got


async def seen_from_inside():
    # What the awaiting coroutine shows while this one is suspended.
    frame = sys._getframe(1)
    print("caller", frame.f_code.co_name)
    await suspend("inside")


async def bad_calls():
    for call in (lambda: leaf(), lambda: leaf(1, 2, 3), lambda: leaf(1, nope=2)):
        try:
            await call()
        except TypeError as error:
            print("lambda TypeError", error)
    try:
        await leaf()
    except TypeError as error:
        print("direct TypeError", error)
    try:
        await leaf(1, 2, 3)
    except TypeError as error:
        print("direct TypeError", error)


async def main():
    print(await leaf(1))
    print(await leaf(1, 2, scale=3))
    args = (4, 5)
    print(await leaf(*args, **{"scale": 2}))
    await bad_calls()
    await seen_from_inside()

    # Defaults replaced at run time reach the next call.
    leaf.__defaults__ = (100,)
    print(await leaf(1))
    leaf.__kwdefaults__ = {"scale": -1}
    print(await leaf(1))

    # A name rebound to something else is awaited as that thing is.
    global leaf_alias
    leaf_alias = leaf
    print(await leaf_alias(2))

    async def other(x):
        return "other %s" % x

    leaf_alias = other
    print(await leaf_alias(3))

    def plain(x):
        return suspend("plain %s" % x)

    leaf_alias = plain
    print(await leaf_alias(4))

    def not_awaitable(x):
        return x

    leaf_alias = not_awaitable
    try:
        await leaf_alias(5)
    except TypeError as error:
        print("TypeError", error)

    # A local named `type` does not change what the desugared code checks.
    type = lambda obj: "shadowed"  # noqa: E731
    print(await leaf(6), type(None))

    # The awaiting coroutine's state while the awaited one is suspended.
    async def outer():
        return await leaf(7)

    coro = outer()
    print("first step", coro.send(None))
    print("state", inspect.getcoroutinestate(coro))
    awaited = coro.cr_await
    print("cr_await", awaited.__class__.__name__, awaited.__name__, awaited.__qualname__)
    print("cr_await state", inspect.getcoroutinestate(awaited))
    try:
        coro.send("resumed")
    except StopIteration as stop:
        print("outer returned", stop.value)

    return "done"


print(run(main()))
