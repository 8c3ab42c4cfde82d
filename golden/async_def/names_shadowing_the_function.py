# parameters named like their own function (a common shape in libraries:
# `async def timeout(source, timeout)`), and like the names the desugared
# code and its runtime use inside the function that makes coroutine objects
import asyncio
import inspect


async def timeout(source, timeout):
    return "%s within %s" % (source, timeout)


async def agen(agen):
    yield agen


async def body(body, wrap=2, made=3, new=4, itself=5, tracking_depth=6):
    return body + wrap + made + new + itself + tracking_depth


async def keyword_only(*, keyword_only, **kwargs):
    return keyword_only, sorted(kwargs)


async def starred(*starred, **kw):
    return starred, kw


class Service:
    async def method(self, method, self_=None):
        return method, self_


print(asyncio.run(timeout("job", 5)), timeout.__name__, inspect.signature(timeout))


async def collect():
    return [x async for x in agen("value")]


print(asyncio.run(collect()), agen.__name__, agen(1).__qualname__)
print(asyncio.run(body(1)), asyncio.run(keyword_only(keyword_only=1, other=2)))
print(asyncio.run(starred(1, 2, starred=3)), asyncio.run(Service().method("m")))
c = timeout("a", "b")
print(c.__name__, c.__qualname__, c.cr_code.co_name)
c.close()
