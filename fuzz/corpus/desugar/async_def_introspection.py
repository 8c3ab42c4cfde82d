# inspect/asyncio predicates on async functions and coroutine objects (answers may differ per interpreter version)
import asyncio
import functools
import inspect
import types


async def coro_fn():
    return 1


class C:
    async def meth(self):
        pass

    @classmethod
    async def cm(cls):
        pass

    @staticmethod
    async def sm():
        pass


def plain():
    return 1


def gen():
    yield 1


@types.coroutine
def gen_coro():
    yield 1


def sync_wrapper(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        return fn(*a)
    return wrapper


wrapped = sync_wrapper(coro_fn)
partial = functools.partial(coro_fn)

for name, fn in [("coro_fn", coro_fn), ("C.meth", C.meth), ("C().meth", C().meth), ("C.cm", C.cm),
                 ("C.sm", C.sm), ("plain", plain), ("gen", gen), ("gen_coro", gen_coro),
                 ("wrapped", wrapped), ("partial", partial)]:
    print(name,
          "inspect.iscoroutinefunction", inspect.iscoroutinefunction(fn),
          "asyncio.iscoroutinefunction", asyncio.iscoroutinefunction(fn),
          "isgeneratorfunction", inspect.isgeneratorfunction(fn),
          "isfunction", inspect.isfunction(fn),
          "ismethod", inspect.ismethod(fn))

c = coro_fn()
m = C().meth()
g = gen()
gc = gen_coro()
for name, obj in [("coro_fn()", c), ("C().meth()", m), ("gen()", g), ("gen_coro()", gc), ("plain()", plain())]:
    print(name,
          "inspect.iscoroutine", inspect.iscoroutine(obj),
          "asyncio.iscoroutine", asyncio.iscoroutine(obj),
          "inspect.isawaitable", inspect.isawaitable(obj),
          "isgenerator", inspect.isgenerator(obj),
          "has __await__", hasattr(obj, "__await__"),
          "has send", hasattr(obj, "send"))
c.close()
m.close()
g.close()
gc.close()
