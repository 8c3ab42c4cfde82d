# StopIteration inside a coroutine body: caught inside is fine, escaping becomes RuntimeError (PEP 479) with __cause__


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


async def caught_inside():
    it = iter([])
    try:
        next(it)
    except StopIteration as e:
        print("caught inside", type(e).__name__, e.args)
    await Suspend("after catch")
    try:
        raise StopIteration("explicit")
    except StopIteration as e:
        print("caught explicit", e.args)
    return "ok"


async def escapes():
    await Suspend("before raise")
    raise StopIteration("boom")


async def escapes_from_next():
    return next(iter(()))


async def escapes_without_suspending():
    raise StopIteration


async def outer():
    try:
        await escapes()
    except RuntimeError as e:
        print("outer caught", type(e).__name__, e)
        print("  cause", type(e.__cause__).__name__, e.__cause__.args)
        return "outer recovered"


async def stop_iteration_subclass():
    class MyStop(StopIteration):
        pass
    raise MyStop("sub")


print(run(caught_inside()))
print(run(outer()))
for fn in (escapes, escapes_from_next, escapes_without_suspending, stop_iteration_subclass):
    try:
        print("result", run(fn()))
    except RuntimeError as e:
        print(fn.__name__, type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__.args)
    except StopIteration as e:
        print(fn.__name__, "StopIteration leaked", e.args)
