# return, break and continue inside `finally` blocks of async code (PEP 765:
# CPython 3.14+ warns about each at compile time, SyntaxWarning); the output
# must keep exactly the program's own warnings and add none of its own
import warnings

warnings.simplefilter("always")


class Suspend:
    def __await__(self):
        return (yield "suspend")


class Manager:
    async def __aenter__(self):
        await Suspend()
        return self

    async def __aexit__(self, *exc):
        await Suspend()
        return False


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


def run(coro):
    value = None
    try:
        while True:
            coro.send(value)
    except StopIteration as e:
        return e.value


async def return_in_finally_inside_async_with():
    async with Manager():
        try:
            raise KeyError("swallowed")
        finally:
            return "returned from finally"


async def break_in_finally_inside_async_for():
    seen = []
    async for n in Ticker(5):
        try:
            seen.append(n)
            if n == 2:
                raise ValueError("lost")
        finally:
            if n == 2:
                break
    return seen


async def continue_in_finally_inside_async_for():
    seen = []
    async for n in Ticker(3):
        try:
            raise ValueError(n)
        finally:
            seen.append(n)
            continue
    return seen


async def return_inside_async_with_no_finally():
    # A plain `return` in `async with` must not become a return in a
    # `finally` of the expansion.
    async with Manager():
        return "plain return"


async def agen():
    try:
        yield 1
    finally:
        await Suspend()


async def loop_over_agen_with_break_in_finally():
    out = []
    for i in range(3):
        try:
            async for x in agen():
                out.append((i, x))
        finally:
            if i == 1:
                break
    return out


for f in (return_in_finally_inside_async_with, break_in_finally_inside_async_for,
          continue_in_finally_inside_async_for, return_inside_async_with_no_finally,
          loop_over_agen_with_break_in_finally):
    print(f.__name__, run(f()))
