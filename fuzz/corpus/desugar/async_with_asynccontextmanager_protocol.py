# min-python: 3.7
# async with contextlib.asynccontextmanager fed by a class implementing the async-generator protocol (__anext__/athrow/aclose; no async generator syntax): enter, exit, suppression, re-raise
import asyncio
import contextlib


class FakeAsyncGen:
    """Mimics an async generator that yields one value, then either swallows or re-raises a thrown exception."""

    def __init__(self, name, swallow):
        self.name = name
        self.swallow = swallow
        self.step = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        self.step += 1
        print("  __anext__", self.name, "step", self.step)
        if self.step == 1:
            return "value-of-" + self.name
        raise StopAsyncIteration

    async def athrow(self, *args):
        exc = args[1] if len(args) > 1 else args[0]
        if isinstance(exc, type):
            exc = exc()
        print("  athrow", self.name, type(exc).__name__, exc)
        if self.swallow:
            raise StopAsyncIteration
        raise exc

    async def aclose(self):
        print("  aclose", self.name)


@contextlib.asynccontextmanager
def managed(name, swallow=False):
    print("  factory called for", name)
    return FakeAsyncGen(name, swallow)


async def main():
    print("normal:")
    async with managed("a") as v:
        print("  body", v)
    print("swallowed:")
    async with managed("b", swallow=True) as v:
        raise ValueError("swallowed by athrow")
    print("  continued")
    print("re-raised:")
    try:
        async with managed("c") as v:
            raise KeyError("re-raised")
    except KeyError as e:
        print("  caught", type(e).__name__, e)


asyncio.run(main())
