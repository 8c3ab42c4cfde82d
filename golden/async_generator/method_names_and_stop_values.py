# min-python: 3.7
# the bound methods of coroutine and async generator objects are named as
# CPython names its own (asyncio and anyio name tasks after a callable's
# __qualname__), and an awaitable of an async generator that yields None
# finishes with StopIteration() before 3.14, StopIteration(None) since
import asyncio


async def gen():
    yield None
    yield 1


async def coro():
    pass


g = gen()
c = coro()
for method in (g.asend, g.athrow, g.aclose, g.__anext__, g.__aiter__, c.send, c.throw, c.close, c.__await__):
    print(method.__qualname__, method.__name__)
for awaitable in (g.asend(None), g.__anext__()):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        print(repr(stop), stop.args, stop.value)
    except StopAsyncIteration:
        print("exhausted")
c.close()


async def main():
    agen = gen()
    task = asyncio.ensure_future(agen.asend(None))
    print("task result", await task)
    await agen.aclose()


asyncio.run(main())
