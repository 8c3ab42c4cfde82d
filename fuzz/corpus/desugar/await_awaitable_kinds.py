# awaiting every kind of awaitable: native coroutines, __await__ as generator, custom iterator, builtin iterator, inherited __await__


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class GenAwait:
    def __await__(self):
        print("GenAwait.__await__ called")
        x = yield "gen 1"
        y = yield "gen 2"
        return "gen result"


class DelegatingAwait:
    def __await__(self):
        r = yield from GenAwait().__await__()
        return "delegated " + r


class IterAwait:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        print("IterAwait.__await__ called")
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            print("IterAwait finishing")
            raise StopIteration("iter result")
        self.n -= 1
        return "iter %d" % self.n


class ListIterAwait:
    def __await__(self):
        return iter(["li 1", "li 2"])


class NoSuspend:
    def __await__(self):
        return iter(())


class Child(GenAwait):
    pass


class AwaitViaMethodAssign:
    def _impl(self):
        yield "assigned"
        return "assigned result"

    __await__ = _impl


class CoroAwait:
    """__await__ returning the __await__ of a native coroutine (a coroutine_wrapper)."""

    def __await__(self):
        return native("wrapped").__await__()


async def native(tag):
    r = await GenAwait()
    return "native " + tag + " / " + r


async def main():
    print("1 native:", await native("direct"))
    print("2 generator __await__:", await GenAwait())
    print("3 yield from inside __await__:", await DelegatingAwait())
    print("4 custom iterator:", await IterAwait(2))
    print("5 list iterator:", await ListIterAwait())
    print("6 no suspension:", await NoSuspend())
    print("7 inherited __await__:", await Child())
    print("8 __await__ assigned from another function:", await AwaitViaMethodAssign())
    print("9 coroutine wrapper:", await CoroAwait())
    c = native("kept")
    print("10 coroutine stored in variable:", await c)
    return "done"


print(run(main()))
