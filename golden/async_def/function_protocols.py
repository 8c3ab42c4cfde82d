# what a function object supports, on desugared coroutine functions, async
# generator functions and async methods: copy and deepcopy (the function
# itself), pickling by reference, weak references, hashing, attribute
# assignment, functools.partial/wraps/update_wrapper and __wrapped__; and
# coroutine and async generator objects refusing to be pickled or copied
import asyncio
import copy
import functools
import pickle
import weakref


async def coro(x):
    return x * 2


async def agen(x):
    yield x


class Service:
    async def method(self):
        return "method"

    async def stream(self):
        yield "stream"


def outer():
    async def local():
        pass
    return local


def attempt(label, action):
    try:
        result = action()
    except Exception as error:
        print(label, "->", type(error).__name__, str(error).split(" at 0x")[0])
    else:
        print(label, "->", result if not callable(result) else getattr(result, "__qualname__", result))


for name, function in [("coro", coro), ("agen", agen), ("Service.method", Service.method),
                       ("Service.stream", Service.stream)]:
    attempt(name + " copy is itself", lambda: copy.copy(function) is function)
    attempt(name + " deepcopy is itself", lambda: copy.deepcopy(function) is function)
    attempt(name + " deepcopy inside a dict", lambda: copy.deepcopy({"cb": function})["cb"] is function)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        attempt("%s pickle protocol %d round trip" % (name, protocol),
                lambda: pickle.loads(pickle.dumps(function, protocol)) is function)
    attempt(name + " weakref", lambda: weakref.ref(function)() is function)
    attempt(name + " hash", lambda: hash(function) == hash(function))

attempt("local function pickle", lambda: pickle.dumps(outer()))
coro.tag = "set"
print("attribute assignment", coro.tag, coro.__dict__)
del coro.tag
print("after del", hasattr(coro, "tag"))
doubled = functools.partial(coro, 21)
print("partial", asyncio.run(doubled()))


@functools.wraps(coro)
async def wrapped(x):
    return await coro(x) + 1


print("wraps", wrapped.__name__, wrapped.__wrapped__ is coro, asyncio.run(wrapped(1)))


def plain(x):
    return x


functools.update_wrapper(plain, agen)
print("update_wrapper", plain.__name__, plain.__wrapped__ is agen)
c = coro(1)
attempt("coroutine copy", lambda: copy.copy(c))
attempt("coroutine deepcopy", lambda: copy.deepcopy(c))
attempt("coroutine pickle", lambda: pickle.dumps(c))
c.close()
a = agen(1)
attempt("async generator copy", lambda: copy.copy(a))
attempt("async generator pickle", lambda: pickle.dumps(a))
