# __await__ misbehaving: returning a non-iterator, an iterable that is not an iterator, a coroutine, raising, or not callable


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


class ReturnsInt:
    def __await__(self):
        print("ReturnsInt.__await__ called")
        return 42


class ReturnsList:
    def __await__(self):
        return [1, 2]


class ReturnsNone:
    def __await__(self):
        pass


async def native():
    return "native"


class ReturnsCoroutine:
    def __await__(self):
        self.coro = native()
        return self.coro


class Raises:
    def __await__(self):
        raise LookupError("raised inside __await__")


class NotCallable:
    __await__ = 5


class IsNone:
    __await__ = None


class IterWithoutNext:
    def __iter__(self):
        return self


class ReturnsIterWithoutNext:
    def __await__(self):
        return IterWithoutNext()


async def try_await(label, obj):
    try:
        await obj
        print(label, "awaited without error?!")
    except Exception as e:
        print(label, "->", type(e).__name__, e)


async def main():
    await try_await("returns int", ReturnsInt())
    await try_await("returns list", ReturnsList())
    await try_await("returns None", ReturnsNone())
    rc = ReturnsCoroutine()
    await try_await("returns coroutine", rc)
    rc.coro.close()
    await try_await("raises", Raises())
    await try_await("not callable", NotCallable())
    await try_await("is None", IsNone())
    await try_await("iterator without __next__", ReturnsIterWithoutNext())
    return "done"


print(run(main()))
