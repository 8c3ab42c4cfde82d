# awaiting generator-based coroutines made with @types.coroutine, and awaiting native coroutines from them via yield from
import collections.abc
import types


def run(coro):
    try:
        while True:
            print("yielded", coro.send(None))
    except StopIteration as e:
        return e.value


@types.coroutine
def gen_based(n):
    print("gen_based start", n)
    total = 0
    for i in range(n):
        got = yield "gen tick %d" % i
        total += i
    return "gen_based total %d" % total


async def native_leaf():
    await gen_based(1)
    return "native leaf"


@types.coroutine
def gen_awaiting_native():
    r = yield from native_leaf()
    print("gen got from native:", r)
    return r.upper()


class GenLike(collections.abc.Generator):
    """A hand-written generator-protocol object (send/throw), not a real generator."""

    def __init__(self):
        self.done = False

    def send(self, value):
        print("GenLike.send", repr(value))
        if self.done:
            raise StopIteration("genlike result")
        self.done = True
        return "genlike tick"

    def throw(self, typ, val=None, tb=None):
        raise typ if val is None else val


@types.coroutine
def returns_genlike():
    # types.coroutine on a plain function returning a Generator-ABC object wraps it to be awaitable
    return GenLike()


@types.coroutine
def sleep0():
    yield


async def main():
    print("1", await gen_based(3))
    print("2", await gen_awaiting_native())
    print("3", await returns_genlike())
    print("4", await sleep0())
    g = gen_based(2)
    print("5 stored generator-based coroutine:", await g)
    try:
        await g
        print("awaiting exhausted generator-based coroutine returned normally")
    except RuntimeError as e:
        print("6", type(e).__name__, e)
    return "done"


print(run(main()))
