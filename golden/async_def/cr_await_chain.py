# cr_await chains: a suspended coroutine's cr_await is the coroutine object it
# awaits (the very object when the program still holds it), so walking the
# chain reaches the innermost awaitable with every coroutine's name and state
# on the way; ag_await of an async generator likewise
import inspect
import types


@types.coroutine
def suspend():
    yield "suspended"


async def leaf():
    await suspend()


async def middle():
    await leaf()


async def top():
    await middle()


def walk(obj):
    chain = []
    while obj is not None:
        if hasattr(obj, "cr_await"):
            chain.append(("coroutine", obj.__qualname__, inspect.getcoroutinestate(obj), obj.cr_running))
            obj = obj.cr_await
        elif hasattr(obj, "ag_await"):
            chain.append(("async_generator", obj.__qualname__, obj.ag_running))
            obj = obj.ag_await
        else:
            chain.append((type(obj).__name__, getattr(obj, "__qualname__", None)))
            break
    return chain


coro = top()
print("before start:", walk(coro))
coro.send(None)
print("suspended:", walk(coro))

kept = leaf()


async def holder():
    await kept


h = holder()
h.send(None)
print("held object is cr_await:", h.cr_await is kept, inspect.getcoroutinestate(kept))


async def stream():
    await middle()
    yield 1


async def consume(agen):
    async for item in agen:
        return item


agen = stream()
consumer = consume(agen)
consumer.send(None)
print("through an async generator:", walk(consumer))
print("ag_await:", walk(agen))
for c in (coro, h, consumer):
    c.close()
print("closed:", walk(coro), inspect.getcoroutinestate(coro))
# The states are the module's own constants (anyio compares them with `is`).
print("identical constants:", inspect.getcoroutinestate(coro) is inspect.CORO_CLOSED,
      inspect.getcoroutinestate(h) is inspect.CORO_CLOSED,
      inspect.getcoroutinestate(kept) is inspect.CORO_SUSPENDED)
if hasattr(inspect, "getasyncgenstate"):
    print("async generator:", inspect.getasyncgenstate(agen) is inspect.AGEN_SUSPENDED)
