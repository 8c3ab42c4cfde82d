# min-python: 3.7
# inspect.iscoroutinefunction / isasyncgenfunction and friends on desugared
# functions, methods, partials and wrappers, with every warning an error:
# 3.14 deprecates asyncio.iscoroutinefunction (its warning stays the
# program's own), inspect's answers must come without any warning
import asyncio
import functools
import inspect
import sys
import warnings

warnings.simplefilter("error")


async def coro(a, b=1):
    return a + b


async def agen(x):
    yield x


def plain():
    return 1


class Service:
    async def method(self):
        return "m"

    @staticmethod
    async def static():
        return "s"

    @classmethod
    async def klass(cls):
        return "c"

    async def stream(self):
        yield "s"


@functools.wraps(coro)
def wrapper(*args, **kwargs):
    return coro(*args, **kwargs)


service = Service()
candidates = [
    ("coro", coro), ("agen", agen), ("plain", plain),
    ("partial(coro)", functools.partial(coro, 1)), ("partial(agen)", functools.partial(agen, 1)),
    ("bound method", service.method), ("unbound method", Service.method),
    ("staticmethod", Service.static), ("classmethod", Service.klass),
    ("bound async gen method", service.stream), ("wraps(coro)", wrapper),
]
for name, obj in candidates:
    print(name, inspect.iscoroutinefunction(obj), inspect.isasyncgenfunction(obj),
          inspect.isfunction(obj), inspect.ismethod(obj), inspect.isgeneratorfunction(obj))

print("signature", inspect.signature(coro), inspect.signature(agen), inspect.signature(service.method))
print("code flags", hex(coro.__code__.co_flags & 0x3a0), hex(agen.__code__.co_flags & 0x3a0))

try:
    print("asyncio.iscoroutinefunction", asyncio.iscoroutinefunction(coro), asyncio.iscoroutinefunction(plain))
except DeprecationWarning as warning:
    print("asyncio.iscoroutinefunction deprecated:", warning)

c = coro(1)
print("iscoroutine", inspect.iscoroutine(c), inspect.isawaitable(c), asyncio.iscoroutine(c))
print(asyncio.run(c))
a = agen(1)
print("isasyncgen", inspect.isasyncgen(a), inspect.isawaitable(a))
print(asyncio.run(a.__anext__()))
asyncio.run(a.aclose())
print(asyncio.run(Service.static()), asyncio.run(Service.klass()), asyncio.run(service.method()))
