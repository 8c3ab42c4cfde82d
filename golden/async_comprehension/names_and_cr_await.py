# min-python: 3.11
# the function an async comprehension runs in is named as CPython names its
# own (<listcomp>, <setcomp>, <dictcomp>, <genexpr>) in __qualname__ and
# code; on 3.12+, where list, set and dict comprehensions are inlined (PEP
# 709), a suspended coroutine's cr_await chain goes straight to what the
# comprehension awaits
import types


@types.coroutine
def suspend():
    yield


async def items():
    await suspend()
    yield 1


def chain(coro):
    links = []
    while coro is not None and hasattr(coro, "cr_await"):
        links.append("%s (%s)" % (coro.__qualname__, coro.cr_code.co_name))
        coro = coro.cr_await
    links.append(type(coro).__name__)
    return " -> ".join(links)


class Holder:
    async def listcomp(self):
        return [x async for x in items()]

    async def setcomp(self):
        return {x async for x in items()}

    async def dictcomp(self):
        return {x: x async for x in items()}

    async def nested(self):
        return [[y async for y in items()] for x in range(1)]


holder = Holder()
for method in (holder.listcomp, holder.setcomp, holder.dictcomp, holder.nested):
    coro = method()
    coro.send(None)
    print(method.__name__ + ":", chain(coro))
    coro.close()


async def genexp():
    gen = (x async for x in items())
    print("genexp:", type(gen).__name__, gen.__name__, gen.__qualname__, gen.ag_code.co_name)
    return [x async for x in gen]


coro = genexp()
coro.send(None)
coro.close()
